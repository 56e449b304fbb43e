"""tools: the `playbook-kb` command line (check, new, serve, codeowners)."""

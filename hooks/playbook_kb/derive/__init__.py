"""derive: views computed from the loaded catalog (rollout grid, curriculum order, CODEOWNERS)."""

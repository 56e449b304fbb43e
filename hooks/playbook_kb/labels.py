"""Every generated label, in Japanese and English. Missing keys fail loudly in tests."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "ja": {
        "overview": "概要", "prompt-sheet": "プロンプトシート", "workflow": "業務フロー",
        "samples": "アウトプット例", "department": "部門", "output": "アウトプット",
        "task": "業務", "industry": "業種", "tier": "研修レベル", "phase": "フェーズ",
        "champion": "チャンピオン", "data": "入力してよいデータ", "tools": "AI ツール",
        "effect": "効果", "reviewed": "最終確認日", "adopted_by": "採用部門",
        "basic": "基礎", "applied": "応用", "expert": "専門",
        "pilot": "パイロット", "rollout": "横展開", "company-wide": "全社展開",
        "public": "公開情報", "internal": "社内情報", "confidential": "機密情報",
        "confidential_warning": "機密情報を扱います。社内で許可された AI ツールだけを使い、"
                                "データ取扱ルールを必ず守ってください。",
        "incomplete_title": "このプレイブックは未完成です",
        "incomplete_intro": "次の点を直すまで、内容が不足しているか誤っている可能性があります。",
        "minutes_per_run": "1 回あたり", "min": "分", "hours_per_month": "時間/月の削減",
        "per_month": "回/月", "users": "利用者", "people": "人",
        "download": "ダウンロード", "size": "サイズ", "file_type": "形式",
        "open": "開く", "preview": "プレビュー", "samples_intro": "実際に作られたアウトプットの例です。",
        "parts_nav": "このプレイブック", "measured": "測定日",
        "effect_fmt": "1 回 {before} 分 → {after} 分、月 {runs} 回",
        "saved_fmt": "月 {hours} 時間の削減",
        "attention_title": "確認してください", "missing": "まだありません",
        # curriculum (pages/curriculum.py, macros.py)
        "curriculum": "研修カリキュラム", "basic_tier": "基礎層", "applied_tier": "応用層",
        "expert_tier": "専門層", "basic_audience": "全社員",
        "applied_audience": "各部門のチャンピオン", "expert_audience": "情報システム部門・推進担当",
        "basic_goals": "AI とは何か、できること・できないこと、プロンプトの基本",
        "applied_goals": "業務ごとの使い方、データ取扱いルール、社内ポリシー",
        "expert_goals": "ツールの運用・管理、セキュリティ設定、効果測定",
        "audience": "対象", "goals": "学ぶこと", "modules": "モジュール数",
        "total_duration": "合計時間", "duration": "所要時間", "objectives": "学習目標",
        "prerequisites": "前提", "materials": "教材", "module_page": "研修ページ",
        "playbook_module": "プレイブック", "print": "印刷する",
        "no_modules": "この層のモジュールはまだありません。",
        "curriculum_intro": "生成AIの研修は 3 つの層で進めます。下の層から順に受講してください。"
                            "各モジュールは前提の順に並んでいます。",
        "tier_intro": "モジュールは前提の順に並んでいます。印刷すると配布資料になります。",
        "curriculum_json": "LMS 向けデータ", "hours": "時間", "tier_col": "層",
        "module_col": "モジュール", "stable_link": "リンク",
        "hours_saved_col": "削減時間/月", "no_playbooks": "該当するプレイブックはありません。",
        # history and feedback (pages/changes.py)
        "last_updated": "最終更新", "changes_title": "最近の更新", "playbook_col": "プレイブック",
        "changes_intro": "git の履歴から、最近更新されたプレイブックを新しい順に"
                         "表示します（最大 {limit} 件）。",
        "changes_none": "まだ更新の記録がありません。",
        "changes_no_history": "git の履歴がない環境でビルドしたため、更新日を表示できません。",
        "feedback_question": "このプレイブックは役に立ちましたか？",
        "feedback_helpful": "役に立った", "feedback_improve": "改善してほしい",
        "feedback_report": "問題を報告する", "feedback_issue_prefix": "[不具合]",
        "feedback_mail_body": "ご意見・気づいた点をお書きください。",
    },
    "en": {
        "overview": "Overview", "prompt-sheet": "Prompt sheet", "workflow": "Workflow",
        "samples": "Sample outputs", "department": "Department", "output": "Output",
        "task": "Task", "industry": "Industry", "tier": "Training tier", "phase": "Phase",
        "champion": "Champion", "data": "Data allowed", "tools": "AI tools",
        "effect": "Effect", "reviewed": "Last reviewed", "adopted_by": "Adopted by",
        "basic": "Basic", "applied": "Applied", "expert": "Expert",
        "pilot": "Pilot", "rollout": "Rollout", "company-wide": "Company-wide",
        "public": "Public", "internal": "Internal", "confidential": "Confidential",
        "confidential_warning": "Handles confidential data. Use only company-approved AI "
                                "tools and follow the data handling policy.",
        "incomplete_title": "This playbook is incomplete",
        "incomplete_intro": "Until these are fixed, its content may be missing or wrong.",
        "minutes_per_run": "per run", "min": "min", "hours_per_month": "hours saved / month",
        "per_month": "runs / month", "users": "Users", "people": "people",
        "download": "Download", "size": "Size", "file_type": "Type",
        "open": "Open", "preview": "Preview", "samples_intro": "Real examples of what it produces.",
        "parts_nav": "This playbook", "measured": "measured",
        "effect_fmt": "{before} → {after} min per run, {runs} runs a month",
        "saved_fmt": "{hours} hours saved per month",
        "attention_title": "Please check", "missing": "not written yet",
        # curriculum (pages/curriculum.py, macros.py)
        "curriculum": "Training curriculum", "basic_tier": "Basic tier",
        "applied_tier": "Applied tier", "expert_tier": "Expert tier",
        "basic_audience": "All employees", "applied_audience": "Department champions",
        "expert_audience": "IT and program staff",
        "basic_goals": "What AI is, what it can and cannot do, prompt basics",
        "applied_goals": "Use per task, data handling rules, company policy",
        "expert_goals": "Running the tools, security settings, measuring the effect",
        "audience": "Audience", "goals": "Goals", "modules": "Modules",
        "total_duration": "Total time", "duration": "Duration", "objectives": "Objectives",
        "prerequisites": "Prerequisites", "materials": "Materials",
        "module_page": "Training page", "playbook_module": "Playbook", "print": "Print",
        "no_modules": "This tier has no modules yet.",
        "curriculum_intro": "Training runs in three tiers. Start with the lowest; "
                            "modules are listed in prerequisite order.",
        "tier_intro": "Modules are listed in prerequisite order. Print this page for a handout.",
        "curriculum_json": "Data for LMS import", "hours": "h", "tier_col": "Tier",
        "module_col": "Module", "stable_link": "Link",
        "hours_saved_col": "Hours saved / month", "no_playbooks": "No matching playbooks.",
        # history and feedback (pages/changes.py)
        "last_updated": "Last updated", "changes_title": "Recent changes",
        "playbook_col": "Playbook",
        "changes_intro": "Playbooks by their latest change in git, newest first "
                         "(up to {limit}).",
        "changes_none": "No changes recorded yet.",
        "changes_no_history": "Built without git history: no dates to show.",
        "feedback_question": "Was this playbook helpful?",
        "feedback_helpful": "Helpful", "feedback_improve": "Needs improvement",
        "feedback_report": "Report a problem", "feedback_issue_prefix": "[Problem]",
        "feedback_mail_body": "Please write your comments.",
    },
}


def labels(lang: str) -> dict[str, str]:
    return LABELS["en" if lang == "en" else "ja"]

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
        # samples gallery (pages/gallery.py)
        "type_md": "Markdown", "type_image": "画像", "type_pdf": "PDF", "type_csv": "CSV",
        "type_txt": "テキスト", "type_docx": "Word 文書", "type_xlsx": "Excel ブック",
        "type_pptx": "PowerPoint", "type_file": "ファイル", "sample_image": "アウトプット例の画像",
        "more_rows": "ほか {n} 行（ダウンロードして全体を確認できます）",
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
        # cross-department pages (pages/departments.py, outputs, matrix, phases, impact, health)
        "departments_title": "部門別", "outputs_title": "アウトプット別",
        "matrix_title": "横展開マップ", "phases_title": "フェーズ", "impact_title": "効果",
        "health_title": "ヘルスチェック", "playbook": "プレイブック", "playbooks": "プレイブック",
        "own_playbooks": "自部門のプレイブック", "adopted_playbooks": "採用したプレイブック",
        "rollout_candidates": "横展開候補", "champions": "チャンピオン",
        "col_department": "部門", "col_output": "アウトプット", "col_phase": "フェーズ",
        "col_champion": "チャンピオン", "col_adopted_by": "採用部門", "col_effect": "削減時間/月",
        "col_reviewed": "最終確認日", "list_sep": "、", "none_yet": "まだありません。",
        "not_started": "未着手", "no_champion": "なし",
        "no_champion_long": "この部門のチャンピオンはまだいません。",
        "departments_intro": "部門ごとに、自部門のプレイブック、ほかの部門から採用したプレイブック、"
                             "チャンピオン、横展開の候補をまとめています。",
        "departments_not_started_note": "「未着手」は、プレイブックもチャンピオンもまだない部門です。",
        "department_empty_title": "まだ始まっていません",
        "department_empty": "この部門にはまだプレイブックもチャンピオンもいません。下の横展開候補から"
                            "始めるか、チャンピオンを決めて新しいパイロットを始めましょう。",
        "candidates_intro": "この部門も作っているアウトプットについて、ほかの部門が作ったプレイブックです。"
                            "アウトプットが同じなので、そのまま使えます。使い始めたら、そのプレイブックの"
                            " adopted_by にこの部門を追加してください。",
        "no_candidates": "横展開の候補はありません。",
        "produced_outputs": "この部門が作るアウトプット", "needs_pilot": "新しいパイロットが必要",
        "needs_pilot_note": "「新しいパイロットが必要」は、この部門が作っているのに、まだどの部門にも"
                            "プレイブックがないアウトプットです。",
        "no_outputs_declared": "taxonomy.yml に produces がなく、この部門のプレイブックもまだありません。",
        "outputs_intro": "アウトプットの種類ごとに、それを作るプレイブックを部門をまたいで並べています。"
                         "同じアウトプットなら、ほかの部門のプレイブックをそのまま使えます。",
        "output_rule": "同じアウトプットを作るなら、ほかの部門のプレイブックをそのまま使えます。"
                       "アウトプットが違うなら、新しいパイロットから始めます。",
        "owning_departments": "プレイブックがある部門", "candidate_departments": "横展開できる部門",
        "no_playbook_for_output": "まだプレイブックがありません",
        "start_pilot": "このアウトプットを作っている部門で、新しいパイロットを始めましょう。",
        "by_department": "部門ごとの状況", "status": "状況",
        "no_department_produces": "このアウトプットを作る部門はまだ登録されていません。"
                                  "taxonomy.yml の produces に追加できます。",
        "group_own": "自部門", "group_adopted": "採用済み", "group_candidates": "横展開候補",
        "status_covered": "自部門あり", "status_adopted": "採用済み",
        "status_candidate": "横展開候補", "status_empty": "なし",
        "symbol_covered": "●", "symbol_adopted": "◆", "symbol_candidate": "○", "symbol_empty": "",
        "legend": "凡例", "legend_covered": "この部門のプレイブックがある",
        "legend_adopted": "ほかの部門のプレイブックを採用している",
        "legend_candidate": "この部門も作るアウトプット。ほかの部門のプレイブックをそのまま使える",
        "legend_empty": "空欄。プレイブックなし",
        "matrix_intro": "縦が部門、横がアウトプットです。同じアウトプットなら、ほかの部門のプレイブックを"
                        "そのまま横展開できます。セルを押すと、そのアウトプットのページで部門ごとの"
                        "プレイブックを見られます。",
        "matrix_note": "部門が作るアウトプットは、taxonomy.yml の produces と、その部門のプレイブックから"
                       "決まります。アウトプットが違う業務は、横展開ではなく新しいパイロットから始めます。",
        "phases_intro": "小さく始めて、段階的に広げます。パイロットで具体的な数字を出すと、"
                        "ほかの部門も参加しやすくなります。",
        "scope": "範囲", "goal": "目的", "typical_duration": "目安の期間",
        "scope_pilot": "1 部門・1 業務", "scope_rollout": "3〜5 部門", "scope_company-wide": "全部門",
        "goal_pilot": "具体的な成果を証明する", "goal_rollout": "成功パターンを再現する",
        "goal_company-wide": "文化として定着させる",
        "duration_pilot": "1〜3 か月", "duration_rollout": "3〜6 か月",
        "duration_company-wide": "6〜12 か月",
        "started": "開始", "started_unknown": "開始日の記入なし", "months_running": "か月経過",
        "adopted_count": "%d 部門が採用", "overdue_badge": "%d か月を超えたパイロット",
        "overdue_title": "3 か月を超えたパイロット",
        "overdue_intro": "パイロットの目安は 1〜3 か月です。効果を測って横展開に進むか、"
                         "やめるかを決めましょう。",
        # management numbers (derive/impact.py, pages/impact.py, the purpose page's targets)
        "impact_progress_title": "目標に対する進み具合", "target_col": "目標",
        "current_col": "現在", "expected_col": "今の時点の目安", "status_col": "状況",
        "gap_col": "目標まで", "status_met": "達成", "status_on-track": "順調",
        "status_behind": "遅れ", "status_no-data": "数字なし",
        "metric_hours_saved": "削減時間（月）", "metric_usage_rate": "利用率",
        "metric_satisfaction": "満足度", "metric_playbooks": "プレイブックの数",
        "metric_departments_using": "プレイブックを使っている部門",
        "metric_inquiry_reduction": "社内問い合わせの減少",
        "metric_helpdesk_inquiries": "社内問い合わせ（件/月）",
        "target_for": "{date}（{label}）の目標", "baseline_col": "基準値",
        "no_targets": "数値目標はまだ決まっていません。推進事務局が決めると、ここに進み具合が出ます。",
        "trend_title": "月ごとの推移", "month_col": "月", "active_users_col": "利用者（月間）",
        "inquiries_col": "社内問い合わせ", "trend_hours_chart": "月ごとの削減時間",
        "trend_usage_chart": "月ごとの利用率",
        "no_trend": "月ごとの数字はまだありません。推進事務局が毎月まとめると、ここに推移が出ます。",
        "hours_used_col": "使った部門の削減",
        "hours_made_col": "作った部門の貢献",
        "headcount_col": "人数", "usage_rate_col": "利用率",
        "definitions_title": "数字の定義",
        "def_hours": "削減時間/月 =（導入前の 1 回の分 − 今の 1 回の分）× 月の回数 ÷ 60。"
                     "採用した部門が自分で使った回数は、その部門の削減時間として数えます。",
        "def_split": "部門別の表は 2 つの列で示します。「使った部門の削減」はその部門が自分で使った分、"
                     "「作った部門の貢献」はその部門のプレイブックが全社で使われた分です。"
                     "合計は「使った部門の削減」の列を足したもので、同じ時間を 2 回数えません。",
        "def_usage": "利用率 = その月に AI ツールを使った人数（各ツールの管理画面の月間利用者）÷ 部門の人数。",
        "def_satisfaction": "満足度 = 毎月の社内アンケートで「役に立った」と答えた人の割合。",
        "def_inquiries": "社内問い合わせの減少 = 基準値の月からの件数の減り方（%）。",
        "def_progress": "「今の時点の目安」は、基準値から目標までをまっすぐ進んだ場合の今日の値です。"
                        "それ以上なら「順調」、下回れば「遅れ」です。",
        "downloads_title": "データのダウンロード（CSV、Excel で開けます）",
        "csv_departments": "部門別", "csv_playbooks": "プレイブック別", "csv_trend": "月ごとの推移",
        "as_of_fmt": "{month} 時点", "percent": "%", "count_unit": "件",
        "departments_using_board": "プレイブックを使っている部門: {n} 部門（目標 {target} 部門、{date}）",
        "impact_intro": "生成AIの効果を数字で示します。導入前に測った時間（ベースライン）と"
                        "今の時間から計算しています。",
        "total_hours": "削減時間の合計", "hours_unit": "時間/月", "hours_saved": "削減時間/月",
        "measured_playbooks": "測定済み", "users_total": "延べ利用者", "total": "合計",
        "hours_formula": "削減時間/月 =（導入前の分 − 導入後の分）× 月あたりの回数 ÷ 60。"
                         "時間は、プレイブックを持つ部門に数えています。",
        "impact_by_department": "部門別の削減時間", "impact_by_playbook": "プレイブック別の削減時間",
        "impact_top_playbooks": "削減時間の上位 %d プレイブック",
        "before_after": "1 回の時間（前 → 後）", "runs": "回/月", "not_measured": "未測定",
        "nothing_measured": "効果を測ったプレイブックはまだありません。",
        "not_measured_title": "効果を測っていないプレイブック",
        "no_measurement_pattern": "「効果を測らない」は、AI 活用が定着しない組織のパターンです",
        "not_measured_intro": "metrics に導入前の時間（baseline_minutes）、今の時間（current_minutes）、"
                              "月あたりの回数（runs_per_month）を書くと効果が計算されます。"
                              "パイロットのうちに測り始めましょう。",
        "all_measured": "すべてのプレイブックで効果を測っています。",
        "health_intro": "すべてのプレイブックの完成度です（メンテナー向け）。最終確認日から %d 日を"
                        "過ぎたプレイブックを先頭に並べています。",
        "health_ok": "問題なし", "health_warning": "警告あり", "health_error": "エラーあり",
        "health_symbol_ok": "✓", "health_symbol_warning": "△", "health_symbol_error": "✕",
        "findings_by_rule": "ルール別の件数", "rule": "ルール", "errors": "エラー",
        "warnings": "警告", "findings": "指摘", "no_findings": "指摘はありません。",
        "stale_badge": "要再確認", "other_findings": "プレイブック以外の指摘",
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
        # samples gallery (pages/gallery.py)
        "type_md": "Markdown", "type_image": "Image", "type_pdf": "PDF", "type_csv": "CSV",
        "type_txt": "Text", "type_docx": "Word document", "type_xlsx": "Excel workbook",
        "type_pptx": "PowerPoint", "type_file": "File", "sample_image": "Sample output image",
        "more_rows": "{n} more lines (download the file to see it all)",
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
        # cross-department pages (pages/departments.py, outputs, matrix, phases, impact, health)
        "departments_title": "By department", "outputs_title": "By output",
        "matrix_title": "Rollout map", "phases_title": "Phases", "impact_title": "Impact",
        "health_title": "Health check", "playbook": "Playbook", "playbooks": "Playbooks",
        "own_playbooks": "Own playbooks", "adopted_playbooks": "Adopted playbooks",
        "rollout_candidates": "Rollout candidates", "champions": "Champions",
        "col_department": "Department", "col_output": "Output", "col_phase": "Phase",
        "col_champion": "Champion", "col_adopted_by": "Adopted by",
        "col_effect": "Hours saved / month", "col_reviewed": "Last reviewed", "list_sep": ", ",
        "none_yet": "None yet.", "not_started": "Not started", "no_champion": "none",
        "no_champion_long": "This department has no champion yet.",
        "departments_intro": "For each department: its own playbooks, those it adopted from other "
                             "departments, its champions and its rollout candidates.",
        "departments_not_started_note": "\"Not started\" marks departments with no playbook and "
                                        "no champion yet.",
        "department_empty_title": "Not started yet",
        "department_empty": "This department has no playbook and no champion yet. Start from a "
                            "rollout candidate below, or name a champion and start a new pilot.",
        "candidates_intro": "Playbooks of other departments for outputs this department also "
                            "produces. Same output, so they can be used as is. Once you use one, "
                            "add this department to its adopted_by.",
        "no_candidates": "No rollout candidates.",
        "produced_outputs": "Outputs this department produces",
        "needs_pilot": "Needs a new pilot",
        "needs_pilot_note": "\"Needs a new pilot\": this department produces the output, but no "
                            "department has a playbook for it yet.",
        "no_outputs_declared": "No produces in taxonomy.yml and no playbook of its own yet.",
        "outputs_intro": "Every playbook of each output type, across departments. For the same "
                         "output, another department's playbook can be used as is.",
        "output_rule": "Same output: use another department's playbook as is. Different output: "
                       "start a new pilot.",
        "owning_departments": "Departments with a playbook",
        "candidate_departments": "Can roll out to",
        "no_playbook_for_output": "No playbook yet",
        "start_pilot": "Start a new pilot in a department that produces this output.",
        "by_department": "By department", "status": "Status",
        "no_department_produces": "No department declares this output yet. Add it to produces "
                                  "in taxonomy.yml.",
        "group_own": "Own", "group_adopted": "Adopted", "group_candidates": "Candidates",
        "status_covered": "Covered", "status_adopted": "Adopted",
        "status_candidate": "Candidate", "status_empty": "None",
        "symbol_covered": "●", "symbol_adopted": "◆", "symbol_candidate": "○", "symbol_empty": "",
        "legend": "Legend", "legend_covered": "the department has its own playbook",
        "legend_adopted": "it uses another department's playbook",
        "legend_candidate": "it produces this output; another department's playbook can be "
                            "used as is",
        "legend_empty": "blank, no playbook",
        "matrix_intro": "Departments down, outputs across. For the same output, another "
                        "department's playbook can be rolled out as is. A cell opens the output's "
                        "page at that department's playbooks.",
        "matrix_note": "What a department produces comes from produces in taxonomy.yml and from "
                       "its own playbooks. A different output is not a rollout: it starts with a "
                       "new pilot.",
        "phases_intro": "Start small, then spread. Concrete numbers from a pilot make other "
                        "departments join.",
        "scope": "Scope", "goal": "Goal", "typical_duration": "Typical duration",
        "scope_pilot": "1 department, 1 task", "scope_rollout": "3–5 departments",
        "scope_company-wide": "All departments",
        "goal_pilot": "Prove a concrete result", "goal_rollout": "Reproduce the success pattern",
        "goal_company-wide": "Make it part of the culture",
        "duration_pilot": "1–3 months", "duration_rollout": "3–6 months",
        "duration_company-wide": "6–12 months",
        "started": "Started", "started_unknown": "No start date", "months_running": "months",
        "adopted_count": "adopted by %d", "overdue_badge": "Pilot over %d months",
        "overdue_title": "Pilots running over 3 months",
        "overdue_intro": "A pilot typically takes 1–3 months. Measure the effect, then decide: "
                         "roll it out, or stop.",
        # management numbers (derive/impact.py, pages/impact.py, the purpose page's targets)
        "impact_progress_title": "Progress against targets", "target_col": "Target",
        "current_col": "Now", "expected_col": "Expected by now", "status_col": "Status",
        "gap_col": "To go", "status_met": "Met", "status_on-track": "On track",
        "status_behind": "Behind", "status_no-data": "No data",
        "metric_hours_saved": "Hours saved per month", "metric_usage_rate": "Usage rate",
        "metric_satisfaction": "Satisfaction", "metric_playbooks": "Playbooks",
        "metric_departments_using": "Departments using playbooks",
        "metric_inquiry_reduction": "Fewer help-desk inquiries",
        "metric_helpdesk_inquiries": "Help-desk inquiries per month",
        "target_for": "Target for {date} ({label})", "baseline_col": "Baseline",
        "no_targets": "No targets are set yet. Once the programme office sets them, progress shows here.",
        "trend_title": "Month by month", "month_col": "Month", "active_users_col": "Active users",
        "inquiries_col": "Help-desk inquiries", "trend_hours_chart": "Hours saved by month",
        "trend_usage_chart": "Usage rate by month",
        "no_trend": "No monthly numbers yet. Once the programme office records them, the trend shows here.",
        "hours_used_col": "Saved (user)",
        "hours_made_col": "Contributed (maker)",
        "headcount_col": "Headcount", "usage_rate_col": "Usage rate",
        "definitions_title": "How the numbers are defined",
        "def_hours": "Hours saved per month = (minutes per run before − now) × runs per month ÷ 60. "
                     "The runs of an adopting department count for that department.",
        "def_split": "The department table has two columns: \"user\" counts what the department saves "
                     "itself, \"maker\" what its playbooks save across the company. The total adds "
                     "the user column only, so no hour is counted twice.",
        "def_usage": "Usage rate = people who used an AI tool in the month (monthly active users from "
                     "the tools' admin consoles) ÷ the department's headcount.",
        "def_satisfaction": "Satisfaction = share of the monthly survey answering \"helpful\".",
        "def_inquiries": "Fewer help-desk inquiries = the drop from the baseline month, in %.",
        "def_progress": "\"Expected by now\" is where a straight line from the baseline to the "
                        "target is today: at or above it is on track, below it is behind.",
        "downloads_title": "Download the data (CSV, opens in Excel)",
        "csv_departments": "By department", "csv_playbooks": "By playbook",
        "csv_trend": "Month by month",
        "as_of_fmt": "as of {month}", "percent": "%", "count_unit": "",
        "departments_using_board": "Departments using playbooks: {n} (target {target}, {date})",
        "impact_intro": "The effect of gen-AI in numbers, from the time measured before "
                        "(baseline) and the time now.",
        "total_hours": "Total hours saved", "hours_unit": "h/month",
        "hours_saved": "Hours saved / month", "measured_playbooks": "Measured",
        "users_total": "Users (sum)", "total": "Total",
        "hours_formula": "Hours saved per month = (baseline − current minutes) × runs per month "
                         "÷ 60, counted under the department that owns the playbook.",
        "impact_by_department": "Hours saved by department",
        "impact_by_playbook": "Hours saved by playbook",
        "impact_top_playbooks": "Top %d playbooks by hours saved",
        "before_after": "Per run (before → after)", "runs": "Runs / month",
        "not_measured": "not measured",
        "nothing_measured": "No playbook has metrics yet.",
        "not_measured_title": "Playbooks without metrics",
        "no_measurement_pattern": "\"No measurement\" is a pattern of organisations where AI "
                                  "does not stick",
        "not_measured_intro": "Write baseline_minutes, current_minutes and runs_per_month under "
                              "metrics and the effect is computed. Start measuring during the pilot.",
        "all_measured": "Every playbook has metrics.",
        "health_intro": "Completeness of every playbook, for maintainers. Playbooks not reviewed "
                        "for more than %d days come first.",
        "health_ok": "OK", "health_warning": "Warnings", "health_error": "Errors",
        "health_symbol_ok": "✓", "health_symbol_warning": "△", "health_symbol_error": "✕",
        "findings_by_rule": "Findings by rule", "rule": "Rule", "errors": "Errors",
        "warnings": "Warnings", "findings": "Findings", "no_findings": "No findings.",
        "stale_badge": "Review overdue", "other_findings": "Other findings",
    },
}


def labels(lang: str) -> dict[str, str]:
    return LABELS["en" if lang == "en" else "ja"]

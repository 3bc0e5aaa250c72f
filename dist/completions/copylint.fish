# fish completion for copylint(1)
set -l commands check merge-reports hook rules status version help
set -l formats text json github github-summary gitlab sarif checkstyle junit rdjsonl

complete -c copylint -f
complete -c copylint -n "not __fish_seen_subcommand_from $commands" -a check -d 'Check files and folders'
complete -c copylint -n "not __fish_seen_subcommand_from $commands" -a merge-reports -d 'Join the reports of several shards'
complete -c copylint -n "not __fish_seen_subcommand_from $commands" -a hook -d 'Install or uninstall the pre-commit hook'
complete -c copylint -n "not __fish_seen_subcommand_from $commands" -a rules -d 'List every rule'
complete -c copylint -n "not __fish_seen_subcommand_from $commands" -a status -d 'Every translation: up to date, stale, missing, orphaned'
complete -c copylint -n "not __fish_seen_subcommand_from $commands" -a version -d 'Print the version'

complete -c copylint -n '__fish_seen_subcommand_from check' -F
complete -c copylint -n '__fish_seen_subcommand_from check' -l format -x -a "$formats" -d 'Report format'
complete -c copylint -n '__fish_seen_subcommand_from check' -s o -l output -r -F -d 'Write the report to a file'
complete -c copylint -n '__fish_seen_subcommand_from check' -l report -x -d 'Also write FORMAT=FILE'
complete -c copylint -n '__fish_seen_subcommand_from check' -l config -r -F -d 'Configuration file'
complete -c copylint -n '__fish_seen_subcommand_from check' -l lang -x -d 'Check every file as this language'
complete -c copylint -n '__fish_seen_subcommand_from check' -l fail-on -x -a 'error warning info never' -d 'Exit 1 at or above'
complete -c copylint -n '__fish_seen_subcommand_from check' -l rule -x -d 'ID=off|info|warning|error'
complete -c copylint -n '__fish_seen_subcommand_from check' -l jobs -x -d 'Threads'
complete -c copylint -n '__fish_seen_subcommand_from check' -l shard -x -d 'K/N: the K-th of N shares of the files'
complete -c copylint -n '__fish_seen_subcommand_from check' -l stdin-filename -r -d 'Path of standard input'
complete -c copylint -n '__fish_seen_subcommand_from check' -l quiet -d 'Findings only'
complete -c copylint -n '__fish_seen_subcommand_from check' -l no-color -d 'No colours'
complete -c copylint -n '__fish_seen_subcommand_from check' -l no-cache -d 'Keep no spelling answers'
complete -c copylint -n '__fish_seen_subcommand_from check' -l staged -d 'Check what is staged'
complete -c copylint -n '__fish_seen_subcommand_from check' -l diff -d 'Check what HEAD changed since BASE'
complete -c copylint -n '__fish_seen_subcommand_from check' -l scope -x -a 'lines files all' -d 'With --staged or --diff'

complete -c copylint -n '__fish_seen_subcommand_from merge-reports' -F
complete -c copylint -n '__fish_seen_subcommand_from merge-reports' -l format -x -a 'json sarif gitlab checkstyle junit' -d 'Format of the reports'
complete -c copylint -n '__fish_seen_subcommand_from merge-reports' -s o -l output -r -F -d 'Write to a file'

complete -c copylint -n '__fish_seen_subcommand_from hook' -x -a 'install uninstall'
complete -c copylint -n '__fish_seen_subcommand_from hook' -l chain -d 'Keep an existing hook; it runs first'
complete -c copylint -n '__fish_seen_subcommand_from rules' -s v -l verbose -d 'What each rule finds'

complete -c copylint -n '__fish_seen_subcommand_from status' -F
complete -c copylint -n '__fish_seen_subcommand_from status' -l format -x -a 'text json markdown html' -d 'Output format'
complete -c copylint -n '__fish_seen_subcommand_from status' -s o -l output -r -F -d 'Write to a file'
complete -c copylint -n '__fish_seen_subcommand_from status' -l config -r -F -d 'Configuration file'
complete -c copylint -n '__fish_seen_subcommand_from status' -l fail-on-stale -d 'Exit 1 when a translation is stale'
complete -c copylint -n '__fish_seen_subcommand_from status' -l min-coverage -x -d 'LANG=PCT: exit 1 under PCT up to date'

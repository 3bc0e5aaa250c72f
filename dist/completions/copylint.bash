# bash completion for copylint(1)
_copylint()
{
	local cur prev words cword
	_init_completion -n = || return
	local formats="text json github github-summary gitlab sarif checkstyle junit rdjsonl"
	if [[ $cword -eq 1 ]]; then
		COMPREPLY=($(compgen -W "check merge-reports hook rules status version help" -- "$cur"))
		return
	fi
	case ${words[1]} in
	check)
		case $prev in
		--format) COMPREPLY=($(compgen -W "$formats" -- "$cur")); return ;;
		--fail-on) COMPREPLY=($(compgen -W "error warning info never" -- "$cur")); return ;;
		--scope) COMPREPLY=($(compgen -W "lines files all" -- "$cur")); return ;;
		-o|--output|--config|--stdin-filename) _filedir; return ;;
		--lang|--jobs|--shard|--rule) return ;;
		--report)
			if [[ $cur == *=* ]]; then
				cur=${cur#*=}
				_filedir
			else
				COMPREPLY=($(compgen -S = -W "$formats" -- "$cur"))
				compopt -o nospace
			fi
			return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--format --output --report --config --lang --fail-on
				--rule --jobs --shard --stdin-filename --quiet --no-color --no-cache
				--staged --diff --scope --help" -- "$cur"))
		else
			_filedir
		fi ;;
	merge-reports)
		case $prev in
		--format) COMPREPLY=($(compgen -W "json sarif gitlab checkstyle junit" -- "$cur")); return ;;
		-o|--output) _filedir; return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--format --output --help" -- "$cur"))
		else
			_filedir
		fi ;;
	hook)
		[[ $cword -eq 2 ]] && COMPREPLY=($(compgen -W "install uninstall" -- "$cur"))
		[[ $cword -gt 2 && ${words[2]} == install ]] && COMPREPLY=($(compgen -W "--chain" -- "$cur")) ;;
	rules)
		COMPREPLY=($(compgen -W "--verbose --help" -- "$cur")) ;;
	status)
		case $prev in
		--format) COMPREPLY=($(compgen -W "text json markdown html" -- "$cur")); return ;;
		-o|--output|--config) _filedir; return ;;
		--min-coverage) return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--format --output --config --fail-on-stale --min-coverage --help" -- "$cur"))
		else
			_filedir -d
		fi ;;
	esac
} &&
	complete -F _copylint copylint

#include "helpers.h"

#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "checks/spelling_dict.h"
#include "util/alloc.h"

extern char **environ;

static void append(char **buf, size_t *len, size_t *cap, const char *data, size_t n)
{
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*buf = realloc(*buf, *cap);
	}
	memcpy(*buf + *len, data, n);
	*len += n;
	(*buf)[*len] = '\0';
}

/* LeakSanitizer, in the tests' own process: libgit2 1.5 leaks pcre2 match
 * data for each config entry its regexes do not match, as it does when it
 * opens a repository of format version 1 (a partial clone's) and checks its
 * extensions. No copylint code calls pcre2. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libpcre2-8.so\n";
}

/* The spelling cache and the HOME of every copylint and git the tests start
 * (also through system()): a folder of this test run, not the user's, removed
 * when the process that made it exits (Criterion's workers inherit it). */
static char *test_cache_dir;
static pid_t test_cache_owner;

static void remove_test_cache(void)
{
	if (getpid() == test_cache_owner)
		remove_tree(test_cache_dir);
}

/* What the machine or the shell that starts the tests would otherwise
 * decide: the user's and the system's git config (hooks, excludes, signing,
 * autocrlf), a hook's or a CI's variables. */
static const char *const machine_variables[] = {
	"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_CONFIG_GLOBAL",
	"GIT_CONFIG_SYSTEM", "GIT_CONFIG_COUNT", "GIT_CEILING_DIRECTORIES", "CI", "GITHUB_ACTIONS",
	"GITHUB_EVENT_NAME", "GITHUB_BASE_REF", "GITHUB_STEP_SUMMARY", "GITLAB_CI",
	"CI_MERGE_REQUEST_DIFF_BASE_SHA", "CI_PIPELINE_SOURCE", "CI_COMMIT_BRANCH", "NO_COLOR",
	"XDG_CACHE_HOME", NULL,
};

static void isolate_machine(const char *dir)
{
	for (size_t i = 0; machine_variables[i]; i++)
		unsetenv(machine_variables[i]);
	char *home = cl_sprintf("%s/home", dir), *config = cl_sprintf("%s/home/.config", dir);
	mkdir(home, 0700);
	mkdir(config, 0700);
	setenv("HOME", home, 1);
	setenv("XDG_CONFIG_HOME", config, 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("TZ", "UTC", 1);
	free(home);
	free(config);
}

__attribute__((constructor)) static void isolate_spelling_cache(void)
{
	test_cache_dir = make_temp_dir();
	test_cache_owner = getpid();
	if (test_cache_dir) {
		setenv("COPYLINT_CACHE_DIR", test_cache_dir, 1);
		isolate_machine(test_cache_dir);
		atexit(remove_test_cache);
	}
}

void use_only_dictionaries(const char *const *names)
{
	char *dir = NULL;
	if (asprintf(&dir, "%s/dictionaries-%ld", test_cache_dir, (long)getpid()) < 0 || mkdir(dir, 0700) != 0)
		cr_assert_fail("cannot make a dictionary folder");
	for (size_t i = 0; names[i]; i++) {
		char *found = cl_spell_find(names[i], NULL, 0);
		cr_assert_not_null(found, "the tests need the dictionary %s", names[i]);
		for (size_t k = 0; k < 2; k++) {
			char *from = cl_sprintf("%s.%s", found, k ? "dic" : "aff");
			char *to = cl_sprintf("%s/%s.%s", dir, names[i], k ? "dic" : "aff");
			cr_assert_eq(symlink(from, to), 0, "%s", to);
			free(from);
			free(to);
		}
		free(found);
	}
	setenv("DICPATH", dir, 1);
	setenv("COPYLINT_SYSTEM_DICTIONARIES", "", 1);
	free(dir);
}

/* env_extra first: the first of two equal names is the one getenv sees. */
static char **child_env(const char *const *env_extra)
{
	static const char *const keep[] = { "PATH=", "HOME=", "LANG=", "LC_ALL=", "DICPATH=",
					    "COPYLINT_SYSTEM_DICTIONARIES=", "ASAN_OPTIONS=", "UBSAN_OPTIONS=", "LSAN_OPTIONS=",
					    "COPYLINT_CACHE_DIR=", "XDG_CONFIG_HOME=",
					    "GIT_CONFIG_NOSYSTEM=", "TZ=", NULL };
	size_t n = 0;
	char **env = calloc(64, sizeof(char *));
	for (size_t i = 0; env_extra && env_extra[i] && n < 20; i++)
		env[n++] = (char *)env_extra[i];
	for (char **e = environ; *e && n < 60; e++)
		for (size_t k = 0; keep[k]; k++)
			if (!strncmp(*e, keep[k], strlen(keep[k])))
				env[n++] = *e;
	env[n++] = "NO_COLOR=1";
	env[n] = NULL;
	return env;
}

run_result run_copylint(const char *cwd, const char *const *argv, const char *stdin_data,
			const char *const *env_extra)
{
	run_result r = { NULL, 0, NULL, -1 };
	int in[2], out[2], err[2];
	if (pipe(in) || pipe(out) || pipe(err))
		return r;
	size_t argc = 0;
	while (argv[argc])
		argc++;
	char **args = calloc(argc + 2, sizeof(char *));
	args[0] = COPYLINT_BINARY;
	for (size_t i = 0; i < argc; i++)
		args[i + 1] = (char *)argv[i];
	char **env = child_env(env_extra);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(err[1], 2);
		close(in[1]);
		close(out[0]);
		close(err[0]);
		if (cwd && chdir(cwd) != 0)
			_exit(127);
		execve(COPYLINT_BINARY, args, env);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	close(err[1]);
	signal(SIGPIPE, SIG_IGN);
	size_t in_len = stdin_data ? strlen(stdin_data) : 0, in_at = 0;
	if (!in_len)
		close(in[1]);
	size_t out_cap = 0, err_len = 0, err_cap = 0;
	append(&r.out, &r.out_len, &out_cap, "", 0);
	append(&r.err, &err_len, &err_cap, "", 0);
	struct pollfd fds[3] = { { out[0], POLLIN, 0 }, { err[0], POLLIN, 0 }, { in_len ? in[1] : -1, POLLOUT, 0 } };
	int open_fds = 2;
	while (open_fds > 0) {
		if (poll(fds, 3, -1) < 0)
			break;
		for (int i = 0; i < 2; i++) {
			if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP)))
				continue;
			char chunk[65536];
			ssize_t n = read(fds[i].fd, chunk, sizeof(chunk));
			if (n <= 0) {
				close(fds[i].fd);
				fds[i].fd = -1;
				open_fds--;
			} else if (i == 0) {
				append(&r.out, &r.out_len, &out_cap, chunk, (size_t)n);
			} else {
				append(&r.err, &err_len, &err_cap, chunk, (size_t)n);
			}
		}
		if (fds[2].fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t n = write(fds[2].fd, stdin_data + in_at, in_len - in_at);
			if (n > 0)
				in_at += (size_t)n;
			if (n <= 0 || in_at == in_len) {
				close(fds[2].fd);
				fds[2].fd = -1;
			}
		}
	}
	if (fds[2].fd >= 0)
		close(fds[2].fd);
	int wstatus;
	if (waitpid(pid, &wstatus, 0) == pid && WIFEXITED(wstatus))
		r.status = WEXITSTATUS(wstatus);
	free(args);
	free(env);
	return r;
}

void run_result_free(run_result *r)
{
	free(r->out);
	free(r->err);
}

copylint_results *check_text(const char *path, const char *text, const char *lang, const char *rule_only)
{
	copylint_config *config;
	copylint_checker *checker;
	copylint_results *results = NULL;
	copylint_checker_options options = COPYLINT_CHECKER_OPTIONS_INIT;
	options.language = lang;
	copylint_config_new(&config);
	for (size_t i = 0; rule_only && i < copylint_rule_count(); i++)
		if (strcmp(copylint_rule_at(i)->id, rule_only))
			copylint_config_set_rule(config, copylint_rule_at(i)->id, COPYLINT_SEVERITY_OFF);
	copylint_checker_new(&checker, config, &options);
	copylint_check_buffer(&results, checker, path, text, strlen(text));
	copylint_checker_free(checker);
	copylint_config_free(config);
	return results;
}

size_t count_rule(const copylint_results *results, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < copylint_results_count(results); i++)
		if (!strcmp(copylint_results_at(results, i)->rule, rule))
			n++;
	return n;
}

const copylint_finding *find_at(const copylint_results *results, const char *rule, size_t line, size_t column)
{
	for (size_t i = 0; i < copylint_results_count(results); i++) {
		const copylint_finding *f = copylint_results_at(results, i);
		if (!strcmp(f->rule, rule) && f->line == line && f->column == column)
			return f;
	}
	return NULL;
}

char *read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	char *buf = NULL;
	size_t n = 0, cap = 0;
	char chunk[65536];
	size_t got;
	append(&buf, &n, &cap, "", 0);
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		append(&buf, &n, &cap, chunk, got);
	fclose(fp);
	if (len)
		*len = n;
	return buf;
}

char *make_temp_dir(void)
{
	char *tmpl = strdup("/tmp/copylint-test-XXXXXX");
	return mkdtemp(tmpl) ? tmpl : NULL;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	chmod(path, 0700);
	return remove(path);
}

void remove_tree(const char *path)
{
	if (path)
		nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

void write_file(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "wb");
	if (!fp)
		return;
	fwrite(data, 1, len, fp);
	fclose(fp);
}

void write_file_under(const char *dir, const char *relative, const char *text)
{
	char *path, *cmd;
	cr_assert_neq(asprintf(&path, "%s/%s", dir, relative), -1);
	cr_assert_neq(asprintf(&cmd, "mkdir -p \"$(dirname '%s')\"", path), -1);
	cr_assert_eq(system(cmd), 0);
	write_file(path, text, strlen(text));
	free(cmd);
	free(path);
}

static void only_rule(copylint_config *config, const char *rule, copylint_severity level)
{
	for (size_t i = 0; i < copylint_rule_count(); i++) {
		const char *id = copylint_rule_at(i)->id;
		if (strcmp(id, rule))
			copylint_config_set_rule(config, id, COPYLINT_SEVERITY_OFF);
		else if (level != COPYLINT_SEVERITY_OFF)
			copylint_config_set_rule(config, id, level);
	}
}

copylint_results *check_translation_pair(const char *dir, const char *lang, const char *ext, const char *source,
					 const char *translation, const char *rule, copylint_severity level)
{
	char *spath, *tpath;
	cr_assert_neq(asprintf(&spath, "%s/page%s", dir, ext), -1);
	cr_assert_neq(asprintf(&tpath, "%s/page.%s%s", dir, lang, ext), -1);
	write_file(spath, source, strlen(source));
	write_file(tpath, translation, strlen(translation));
	copylint_config *config;
	copylint_checker *checker;
	copylint_sources *sources;
	copylint_results *results;
	copylint_config_new(&config);
	only_rule(config, rule, level);
	copylint_checker_new(&checker, config, NULL);
	copylint_sources_new(&sources);
	copylint_sources_add_paths(sources, config, (const char *const *)&tpath, 1);
	copylint_check_sources(&results, checker, sources);
	copylint_sources_free(sources);
	copylint_checker_free(checker);
	copylint_config_free(config);
	free(spath);
	free(tpath);
	return results;
}

void run_rule_cases(const char *rule, const rule_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const rule_case *c = &cases[i];
		copylint_results *r = check_text(c->path, c->text, c->lang, rule);
		cr_assert_not_null(r, "%s: %s", rule, c->text);
		cr_expect_eq(count_rule(r, rule), c->count, "%s [%s]: %zu findings in “%s”, expected %zu", rule, c->lang,
			     count_rule(r, rule), c->text, c->count);
		for (size_t j = 0; j < c->count && j < RULE_CASE_MAX_AT; j++)
			cr_expect_not_null(find_at(r, rule, c->at[j][0], c->at[j][1]), "%s [%s]: nothing at %zu:%zu in “%s”",
					   rule, c->lang, c->at[j][0], c->at[j][1], c->text);
		copylint_results_free(r);
	}
}

uint64_t test_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

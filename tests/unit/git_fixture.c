#include "git_fixture.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"

#define CHECK(call) cr_assert((call) >= 0, "%s: %s", #call, git_error_last() ? git_error_last()->message : "")

fx_repo fx_init(void)
{
	fx_repo r = { make_temp_dir(), NULL };
	git_repository_init_options options;
	git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
	options.initial_head = "main";
	options.flags = GIT_REPOSITORY_INIT_MKPATH;
	git_libgit2_init();
	CHECK(git_repository_init_ext(&r.repo, r.dir, &options));
	git_config *config;
	CHECK(git_repository_config(&config, r.repo));
	git_config_set_string(config, "user.name", "Test");
	git_config_set_string(config, "user.email", "test@example.org");
	git_config_free(config);
	return r;
}

void fx_free(fx_repo *r)
{
	git_repository_free(r->repo);
	remove_tree(r->dir);
	free(r->dir);
	git_libgit2_shutdown();
}

char *fx_path(const fx_repo *r, const char *path)
{
	size_t len = strlen(r->dir) + strlen(path) + 2;
	char *full = malloc(len);
	snprintf(full, len, "%s/%s", r->dir, path);
	return full;
}

static void make_parents(char *path)
{
	for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		mkdir(path, 0777);
		*p = '/';
	}
}

void fx_write(const fx_repo *r, const char *path, const char *data)
{
	char *full = fx_path(r, path);
	make_parents(full);
	write_file(full, data, strlen(data));
	free(full);
}

static git_index *index_of(const fx_repo *r)
{
	git_index *index;
	CHECK(git_repository_index(&index, r->repo));
	return index;
}

void fx_stage(const fx_repo *r, const char *path, const char *data)
{
	fx_write(r, path, data);
	git_index *index = index_of(r);
	CHECK(git_index_add_bypath(index, path));
	CHECK(git_index_write(index));
	git_index_free(index);
}

void fx_stage_buffer(const fx_repo *r, const char *path, const char *data, size_t len, unsigned mode)
{
	git_index *index = index_of(r);
	git_index_entry entry;
	memset(&entry, 0, sizeof(entry));
	entry.path = path;
	entry.mode = mode;
	if (mode == GIT_FILEMODE_COMMIT) {
		CHECK(git_odb_hash(&entry.id, data, len, GIT_OBJECT_COMMIT));
		CHECK(git_index_add(index, &entry));
	} else {
		CHECK(git_index_add_from_buffer(index, &entry, data, len));
	}
	CHECK(git_index_write(index));
	git_index_free(index);
}

void fx_remove(const fx_repo *r, const char *path)
{
	git_index *index = index_of(r);
	CHECK(git_index_remove_bypath(index, path));
	CHECK(git_index_write(index));
	git_index_free(index);
	char *full = fx_path(r, path);
	unlink(full);
	free(full);
}

git_oid fx_commit(const fx_repo *r, const char *message)
{
	git_index *index = index_of(r);
	git_oid tree_id, commit_id;
	git_tree *tree;
	git_signature *sig;
	git_commit *parent = NULL;
	git_object *head = NULL;
	CHECK(git_index_write_tree(&tree_id, index));
	CHECK(git_tree_lookup(&tree, r->repo, &tree_id));
	CHECK(git_signature_new(&sig, "Test", "test@example.org", 1700000000, 0));
	if (git_revparse_single(&head, r->repo, "HEAD") == 0)
		parent = (git_commit *)head;
	const git_commit *parents[] = { parent };
	CHECK(git_commit_create(&commit_id, r->repo, "HEAD", sig, sig, NULL, message, tree,
				parent ? 1 : 0, parents));
	git_commit_free(parent);
	git_signature_free(sig);
	git_tree_free(tree);
	git_index_free(index);
	return commit_id;
}

void fx_branch(const fx_repo *r, const char *name)
{
	git_object *head;
	git_reference *branch;
	CHECK(git_revparse_single(&head, r->repo, "HEAD"));
	CHECK(git_branch_create(&branch, r->repo, name, (git_commit *)head, 0));
	CHECK(git_repository_set_head(r->repo, git_reference_name(branch)));
	git_reference_free(branch);
	git_object_free(head);
}

void fx_checkout(const fx_repo *r, const char *name)
{
	char ref[256];
	git_object *tree;
	git_checkout_options options;
	git_checkout_options_init(&options, GIT_CHECKOUT_OPTIONS_VERSION);
	options.checkout_strategy = GIT_CHECKOUT_FORCE;
	snprintf(ref, sizeof(ref), "refs/heads/%s", name);
	CHECK(git_revparse_single(&tree, r->repo, ref));
	CHECK(git_checkout_tree(r->repo, tree, &options));
	CHECK(git_repository_set_head(r->repo, ref));
	git_object_free(tree);
}

int fx_sh(const char *dir, const char *command)
{
	size_t len = strlen(dir) + strlen(command) + 32;
	char *line = malloc(len);
	snprintf(line, len, "cd '%s' && %s", dir, command);
	int status = system(line);
	free(line);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *fx_findings(const copylint_sources *sources, const copylint_config *config)
{
	copylint_config *defaults = NULL;
	copylint_checker *checker;
	copylint_results *results;
	if (!config)
		copylint_config_new(&defaults);
	copylint_checker_new(&checker, config ? config : defaults, NULL);
	copylint_check_sources(&results, checker, sources);
	size_t len = 0;
	char *out = calloc(1, 1);
	for (size_t i = 0; i < copylint_results_count(results); i++) {
		const copylint_finding *f = copylint_results_at(results, i);
		/* These tests are about which files and lines are checked; the
		 * fixtures' words (Czech among them) are not what is under test. */
		if (!strcmp(f->rule, "spelling"))
			continue;
		char line[1024];
		int n = snprintf(line, sizeof(line), "%s:%zu:%zu %s\n", f->path, f->line, f->column, f->rule);
		out = realloc(out, len + (size_t)n + 1);
		memcpy(out + len, line, (size_t)n + 1);
		len += (size_t)n;
	}
	copylint_results_free(results);
	copylint_checker_free(checker);
	copylint_config_free(defaults);
	return out;
}

static char *collect(const char *dir, const char *range, copylint_scope scope, int *error)
{
	copylint_config *config;
	copylint_sources *sources;
	copylint_git_options options = COPYLINT_GIT_OPTIONS_INIT;
	options.repository = dir;
	options.scope = scope;
	copylint_config_new(&config);
	copylint_sources_new(&sources);
	*error = range ? copylint_sources_add_diff(sources, config, range, &options) :
		 copylint_sources_add_staged(sources, config, &options);
	char *out = fx_findings(sources, config);
	copylint_sources_free(sources);
	copylint_config_free(config);
	return out;
}

char *fx_staged(const char *dir, copylint_scope scope, int *error)
{
	return collect(dir, NULL, scope, error);
}

char *fx_diff(const char *dir, const char *range, copylint_scope scope, int *error)
{
	return collect(dir, range, scope, error);
}

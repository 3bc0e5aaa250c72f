/* Where reports go, and what happens when they cannot be written: devices
 * and FIFOs are written into, links are followed, an output that is an
 * input is refused, a failed write says which path and why, and a run
 * killed while writing leaves no temporary file. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"

static char *dir;

static void setup(void)
{
	dir = make_temp_dir();
}

static void teardown(void)
{
	remove_tree(dir);
	free(dir);
}

TestSuite(output_paths, .init = setup, .fini = teardown);

static char *in_dir(const char *name)
{
	char *path;
	cr_assert_neq(asprintf(&path, "%s/%s", dir, name), -1);
	return path;
}

static void put(const char *name, const char *text)
{
	char *path = in_dir(name);
	write_file(path, text, strlen(text));
	free(path);
}

static run_result run(const char *const *argv)
{
	return run_copylint(dir, argv, NULL, NULL);
}

/* The largest file the next spawn may write (ulimit -f), or 0 for none. */
static rlim_t file_size_limit;

/* Starts the binary in dir with stdout_fd as its standard output and
 * standard error in the file `err`; returns its pid. */
static pid_t spawn(const char *const *argv, int stdout_fd)
{
	size_t argc = 0;
	while (argv[argc])
		argc++;
	char **args = calloc(argc + 2, sizeof(char *));
	args[0] = COPYLINT_BINARY;
	for (size_t i = 0; i < argc; i++)
		args[i + 1] = (char *)argv[i];
	char *err = in_dir("err");
	pid_t pid = fork();
	if (pid == 0) {
		int efd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (efd < 0 || chdir(dir) != 0)
			_exit(127);
		struct rlimit limit = { file_size_limit, file_size_limit };
		if (file_size_limit && setrlimit(RLIMIT_FSIZE, &limit) != 0)
			_exit(127);
		dup2(efd, 2);
		if (stdout_fd >= 0)
			dup2(stdout_fd, 1);
		else
			close(1);
		execv(COPYLINT_BINARY, args);
		_exit(127);
	}
	free(err);
	free(args);
	return pid;
}

static int wait_status(pid_t pid)
{
	int status;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static char *stderr_text(void)
{
	char *path = in_dir("err");
	char *text = read_file(path, NULL);
	free(path);
	return text ? text : strdup("");
}

static mode_t kind_of(const char *name)
{
	struct stat st;
	char *path = in_dir(name);
	cr_assert_eq(lstat(path, &st), 0, "%s is gone", name);
	free(path);
	return st.st_mode & S_IFMT;
}

static void make_device(const char *name, unsigned minor)
{
	char *path = in_dir(name);
	cr_assert_eq(mknod(path, S_IFCHR | 0666, makedev(1, minor)), 0, "mknod needs root");
	free(path);
}

Test(output_paths, a_character_device_is_written_into_not_replaced)
{
	put("a.md", "It is is here.\n");
	make_device("null", 3);  /* what /dev/null is */
	run_result r = run((const char *[]){ "check", "-o", "null", "--report", "json=null", "a.md", NULL });
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_str_eq(r.err, "");
	run_result_free(&r);
	cr_assert_eq(kind_of("null"), S_IFCHR, "the device was replaced by a file");
}

Test(output_paths, a_full_device_exits_2_naming_the_path_and_the_reason)
{
	put("a.md", "It is is here.\n");
	make_device("full", 7);  /* what /dev/full is */
	run_result r = run((const char *[]){ "check", "--report", "json=full", "a.md", NULL });
	cr_assert_eq(r.status, 2, "%s", r.err);
	cr_assert(strstr(r.err, "copylint: cannot write full: No space left on device"), "%s", r.err);
	run_result_free(&r);
	cr_assert_eq(kind_of("full"), S_IFCHR);
}

Test(output_paths, a_fifo_is_written_into)
{
	put("a.md", "It is is here.\n");
	char *fifo = in_dir("fifo");
	cr_assert_eq(mkfifo(fifo, 0600), 0);
	int reader = open(fifo, O_RDONLY | O_NONBLOCK);
	cr_assert_geq(reader, 0);
	run_result r = run((const char *[]){ "check", "--format", "json", "-o", "fifo", "a.md", NULL });
	cr_assert_eq(r.status, 1, "%s", r.err);
	run_result_free(&r);
	char got[65536];
	ssize_t n = read(reader, got, sizeof(got) - 1);
	close(reader);
	cr_assert_gt(n, 0, "nothing came through the FIFO");
	got[n] = '\0';
	cr_assert(strstr(got, "\"rule\":\"repeated-word\""), "%s", got);
	cr_assert_eq(kind_of("fifo"), S_IFIFO);
	free(fifo);
}

Test(output_paths, a_symbolic_link_keeps_its_place_and_its_target_gets_the_report)
{
	put("a.md", "It is is here.\n");
	put("target.json", "old");
	char *link = in_dir("link.json"), *dangling = in_dir("dangling.json");
	cr_assert_eq(symlink("target.json", link), 0);
	cr_assert_eq(symlink("missing/nothing.json", dangling), 0);
	run_result r = run((const char *[]){ "check", "--format", "json", "-o", "link.json", "a.md", NULL });
	cr_assert_eq(r.status, 1, "%s", r.err);
	run_result_free(&r);
	cr_assert_eq(kind_of("link.json"), S_IFLNK, "the link was replaced");
	char *target = in_dir("target.json");
	char *report = read_file(target, NULL);
	cr_assert(report && strstr(report, "\"rule\":\"repeated-word\""), "%s", report);
	free(report);
	r = run((const char *[]){ "check", "-o", "dangling.json", "a.md", NULL });
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "cannot write dangling.json: it is a symbolic link to a file that does not exist"),
		  "%s", r.err);
	run_result_free(&r);
	cr_assert_eq(kind_of("dangling.json"), S_IFLNK);
	free(target);
	free(link);
	free(dangling);
}

static void assert_refused(const char *const *argv, const char *message, const char *article)
{
	run_result r = run(argv);
	cr_assert_eq(r.status, 2, "%s", r.err);
	cr_assert(strstr(r.err, message), "%s", r.err);
	cr_assert_str_eq(r.out, "", "nothing is written");
	run_result_free(&r);
	char *path = in_dir("a.md");
	char *text = read_file(path, NULL);
	cr_assert_str_eq(text, article, "the article was overwritten");
	free(text);
	free(path);
}

Test(output_paths, an_output_that_is_a_checked_file_is_refused_before_writing)
{
	const char *article = "It is is here.\n";
	put("a.md", article);
	char *a = in_dir("a.md"), *hard = in_dir("hard-link.md");
	cr_assert_eq(link(a, hard), 0);
	char *sub = in_dir("sub");
	cr_assert_eq(mkdir(sub, 0755), 0);
	free(sub);
	assert_refused((const char *[]){ "check", "-o", "a.md", "a.md", NULL },
		       "copylint: cannot write a.md: it is one of the files being checked", article);
	assert_refused((const char *[]){ "check", "--report", "json=./sub/../a.md", "-o", "out.txt", ".", NULL },
		       "cannot write ./sub/../a.md: it is one of the files being checked", article);
	assert_refused((const char *[]){ "check", "--report", "sarif=hard-link.md", "a.md", NULL },
		       "cannot write hard-link.md: it is one of the files being checked", article);
	assert_refused((const char *[]){ "check", "-o", a, "a.md", NULL }, "it is one of the files being checked",
		       article);
	char *out = in_dir("out.txt");
	cr_assert_eq(access(out, F_OK), -1, "no report was started");
	free(out);
	free(a);
	free(hard);
}

static bool has_temporary(void)
{
	DIR *d = opendir(dir);
	bool found = false;
	for (struct dirent *e; d && (e = readdir(d));)
		found |= strstr(e->d_name, "report.json.tmp.") != NULL;
	closedir(d);
	return found;
}

/* A file system that fills up while the report is written: the file-size
 * limit makes write(2) fail with EFBIG as a full disk fails with ENOSPC. */
Test(output_paths, a_report_that_cannot_be_written_whole_leaves_the_old_file_and_says_why)
{
	put("a.md", "It is is here. It is is there. It is is everywhere.\n");
	put("report.json", "previous");
	file_size_limit = 64;
	int status = wait_status(spawn((const char *[]){ "check", "--format", "json", "-o", "report.json", "a.md", NULL },
				       open("/dev/null", O_WRONLY)));
	file_size_limit = 0;
	char *err = stderr_text();
	cr_assert_eq(status, 2, "%s", err);
	cr_assert(strstr(err, "copylint: cannot write report.json: File too large"), "%s", err);
	free(err);
	char *path = in_dir("report.json");
	char *text = read_file(path, NULL);
	cr_assert_str_eq(text, "previous", "the old report was replaced by a part of the new");
	free(text);
	free(path);
	cr_assert_not(has_temporary(), "report.json.tmp.* was left behind");
}

static const char *const formats[] = {
	"text", "json", "github", "gitlab", "sarif", "checkstyle", "junit", "rdjsonl",
};

Test(output_paths, a_full_standard_output_exits_2_with_the_reason_in_every_format)
{
	put("a.md", "It is is here.\n");
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		int full = open("/dev/full", O_WRONLY);
		cr_assert_geq(full, 0);
		int status = wait_status(spawn((const char *[]){ "check", "--format", formats[i], "a.md", NULL }, full));
		close(full);
		char *err = stderr_text();
		cr_assert_eq(status, 2, "%s: %s", formats[i], err);
		cr_assert(strstr(err, "copylint: cannot write the report to standard output: No space left on device"),
			  "%s: %s", formats[i], err);
		free(err);
	}
}

Test(output_paths, a_closed_standard_output_exits_2_with_the_reason_in_every_format)
{
	put("a.md", "It is is here.\n");
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		int status = wait_status(spawn((const char *[]){ "check", "--format", formats[i], "a.md", NULL }, -1));
		char *err = stderr_text();
		cr_assert_eq(status, 2, "%s: %s", formats[i], err);
		cr_assert(strstr(err, "copylint: cannot write the report to standard output: Bad file descriptor"),
			  "%s: %s", formats[i], err);
		free(err);
	}
}

Test(output_paths, a_pipe_nobody_reads_exits_2_with_the_reason)
{
	put("a.md", "It is is here.\n");
	int fds[2];
	cr_assert_eq(pipe(fds), 0);
	close(fds[0]);
	int status = wait_status(spawn((const char *[]){ "check", "--format", "json", "a.md", NULL }, fds[1]));
	close(fds[1]);
	char *err = stderr_text();
	cr_assert_eq(status, 2, "killed by SIGPIPE without a word: %d %s", status, err);
	cr_assert(strstr(err, "cannot write the report to standard output: Broken pipe"), "%s", err);
	free(err);
}

Test(output_paths, a_run_ended_by_a_signal_removes_its_temporary_file)
{
	put("a.md", "It is is here.\n");
	char *fifo = in_dir("fifo");
	cr_assert_eq(mkfifo(fifo, 0600), 0);
	/* report.json's temporary file is open while copylint waits for a
	 * reader of the FIFO, the second report */
	pid_t pid = spawn((const char *[]){ "check", "-o", "report.json", "--report", "json=fifo", "a.md", NULL },
			  open("/dev/null", O_WRONLY));
	for (int i = 0; i < 1000 && !has_temporary(); i++)
		nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
	cr_assert(has_temporary(), "the temporary file never appeared");
	kill(pid, SIGTERM);
	cr_assert_eq(wait_status(pid), 128 + SIGTERM);
	cr_assert_not(has_temporary(), "report.json.tmp.* was left behind");
	free(fifo);
}

#include "cpus.h"

#include <errno.h>
#include <stdbool.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "copylint/copylint.h"

/* quota / period processors, rounded up: 1.5 processors let two threads
 * make progress. */
static unsigned quota_cpus(long long quota, long long period)
{
	if (quota <= 0 || period <= 0)
		return 0;
	long long cpus = (quota + period - 1) / period;
	return cpus > 4096 ? 4096 : (unsigned)cpus;
}

static bool parse_number(const char *text, char **end, long long *out)
{
	errno = 0;
	*out = strtoll(text, end, 10);
	return !errno && *end != text;
}

unsigned cl_cpus_parse_cpu_max(const char *text)
{
	char *end;
	long long quota, period = 100000;
	if (!strncmp(text, "max", 3))
		return 0;
	if (!parse_number(text, &end, &quota))
		return 0;
	if (*end == ' ' && !parse_number(end + 1, &end, &period))
		return 0;
	return *end == '\0' || *end == '\n' ? quota_cpus(quota, period) : 0;
}

unsigned cl_cpus_parse_cfs(const char *quota_text, const char *period_text)
{
	char *end;
	long long quota, period;
	if (!parse_number(quota_text, &end, &quota) || !parse_number(period_text, &end, &period))
		return 0;
	return quota_cpus(quota, period);
}

/* The first line of a small file, or NULL (the caller frees it). */
static char *read_line(const char *path)
{
	FILE *f = fopen(path, "re");
	char line[256];
	char *out = NULL;
	if (f && fgets(line, sizeof(line), f))
		out = cl_strdup(line);
	if (f)
		fclose(f);
	return out;
}

static unsigned min_quota(unsigned a, unsigned b)
{
	return !a ? b : !b ? a : a < b ? a : b;
}

/* v2: cpu.max in the folder and each folder above it, up to the root. */
static unsigned quota_v2(const char *root, const char *cgroup)
{
	unsigned found = 0;
	char *dir = cl_sprintf("%s%s", root, cgroup);
	for (size_t root_len = strlen(root);;) {
		char *path = cl_sprintf("%s/cpu.max", dir);
		char *text = read_line(path);
		if (text)
			found = min_quota(found, cl_cpus_parse_cpu_max(text));
		free(text);
		free(path);
		char *slash = strrchr(dir, '/');
		if (!slash || (size_t)(slash - dir) < root_len)
			break;
		*slash = '\0';
	}
	free(dir);
	return found;
}

/* v1: the cpu controller's folder, as the host names it, or its mount's
 * root (a container sees only its own cgroup there). */
static unsigned quota_v1(const char *root, const char *cgroup)
{
	static const char *const mounts[] = { "cpu,cpuacct", "cpu", "cpuacct,cpu" };
	unsigned found = 0;
	for (size_t i = 0; i < sizeof(mounts) / sizeof(mounts[0]) && !found; i++) {
		const char *const dirs[] = { cgroup, "" };
		for (size_t d = 0; d < 2 && !found; d++) {
			char *quota_path = cl_sprintf("%s/%s%s/cpu.cfs_quota_us", root, mounts[i], dirs[d]);
			char *period_path = cl_sprintf("%s/%s%s/cpu.cfs_period_us", root, mounts[i], dirs[d]);
			char *quota = read_line(quota_path), *period = read_line(period_path);
			if (quota && period)
				found = cl_cpus_parse_cfs(quota, period);
			free(quota);
			free(period);
			free(quota_path);
			free(period_path);
		}
	}
	return found;
}

/* A v1 line "4:cpu,cpuacct:/path" names the cpu controller. */
static bool names_cpu_controller(const char *controllers, size_t len)
{
	for (const char *p = controllers; p < controllers + len;) {
		size_t n = strcspn(p, ",:");
		if (n == 3 && !strncmp(p, "cpu", 3))
			return true;
		p += n + 1;
	}
	return false;
}

static unsigned quota_of_line(const char *line, size_t len, const char *root)
{
	const char *colon1 = memchr(line, ':', len);
	const char *colon2 = colon1 ? memchr(colon1 + 1, ':', len - (size_t)(colon1 + 1 - line)) : NULL;
	if (!colon2)
		return 0;
	char *cgroup = cl_strndup(colon2 + 1, len - (size_t)(colon2 + 1 - line));
	unsigned found = 0;
	if (!strcmp(cgroup, "/"))
		cgroup[0] = '\0';
	if (colon1 - line == 1 && line[0] == '0' && colon2 == colon1 + 1)
		found = quota_v2(root, cgroup);
	else if (names_cpu_controller(colon1 + 1, (size_t)(colon2 - colon1 - 1)))
		found = quota_v1(root, cgroup);
	free(cgroup);
	return found;
}

unsigned cl_cpus_cgroup_quota(const char *proc_self_cgroup, const char *cgroup_root)
{
	unsigned found = 0;
	for (const char *p = proc_self_cgroup; *p;) {
		size_t len = strcspn(p, "\n");
		found = min_quota(found, quota_of_line(p, len, cgroup_root));
		p += len + (p[len] == '\n');
	}
	return found;
}

static char *read_small_file(const char *path)
{
	FILE *f = fopen(path, "re");
	if (!f)
		return NULL;
	char *text = cl_malloc(8192);
	size_t n = fread(text, 1, 8191, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

unsigned cl_cpus_available(void)
{
	cpu_set_t set;
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned cpus = sched_getaffinity(0, sizeof(set), &set) == 0 ? (unsigned)CPU_COUNT(&set) :
		        online > 0 ? (unsigned)online : 1;
	char *cgroup = read_small_file("/proc/self/cgroup");
	unsigned quota = cgroup ? cl_cpus_cgroup_quota(cgroup, "/sys/fs/cgroup") : 0;
	free(cgroup);
	cpus = min_quota(cpus, quota);
	return cpus ? cpus : 1;
}

unsigned copylint_processors_available(void)
{
	return cl_cpus_available();
}

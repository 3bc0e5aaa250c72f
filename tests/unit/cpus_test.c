/* src/util/cpus: the processors a process may use, from cgroup files. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/stat.h>

#include "helpers.h"
#include "util/cpus.h"

Test(cpus, cpu_max_rounds_the_quota_up)
{
	cr_assert_eq(cl_cpus_parse_cpu_max("200000 100000\n"), 2);
	cr_assert_eq(cl_cpus_parse_cpu_max("150000 100000\n"), 2);
	cr_assert_eq(cl_cpus_parse_cpu_max("50000 100000"), 1);
	cr_assert_eq(cl_cpus_parse_cpu_max("400000"), 4);  /* the period defaults to 100000 */
}

Test(cpus, cpu_max_without_a_limit_or_bad_is_zero)
{
	cr_assert_eq(cl_cpus_parse_cpu_max("max 100000\n"), 0);
	cr_assert_eq(cl_cpus_parse_cpu_max(""), 0);
	cr_assert_eq(cl_cpus_parse_cpu_max("lots 100000"), 0);
	cr_assert_eq(cl_cpus_parse_cpu_max("200000 0"), 0);
	cr_assert_eq(cl_cpus_parse_cpu_max("200000 100000x"), 0);
}

Test(cpus, cfs_quota_and_period)
{
	cr_assert_eq(cl_cpus_parse_cfs("300000\n", "100000\n"), 3);
	cr_assert_eq(cl_cpus_parse_cfs("25000\n", "50000\n"), 1);
	cr_assert_eq(cl_cpus_parse_cfs("-1\n", "100000\n"), 0);
	cr_assert_eq(cl_cpus_parse_cfs("", "100000"), 0);
}

static void put(const char *root, const char *rel, const char *text)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (char *p = path + strlen(root) + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
	write_file(path, text, strlen(text));
}

Test(cpus, v2_takes_the_tightest_quota_up_to_the_root)
{
	char *root = make_temp_dir();
	put(root, "ci.slice/cpu.max", "300000 100000\n");
	put(root, "ci.slice/job-7/cpu.max", "max 100000\n");
	put(root, "ci.slice/job-7/step/cpu.max", "max 100000\n");
	cr_assert_eq(cl_cpus_cgroup_quota("0::/ci.slice/job-7/step\n", root), 3);
	put(root, "ci.slice/job-7/cpu.max", "120000 100000\n");
	cr_assert_eq(cl_cpus_cgroup_quota("0::/ci.slice/job-7/step\n", root), 2);
	cr_assert_eq(cl_cpus_cgroup_quota("0::/elsewhere\n", root), 0);
	remove_tree(root);
	free(root);
}

Test(cpus, v2_in_a_container_reads_its_root)
{
	char *root = make_temp_dir();
	put(root, "cpu.max", "100000 100000\n");
	cr_assert_eq(cl_cpus_cgroup_quota("0::/\n", root), 1);
	remove_tree(root);
	free(root);
}

Test(cpus, v1_reads_the_cpu_controller)
{
	char *root = make_temp_dir();
	const char *self = "12:pids:/docker/abc\n5:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n";
	put(root, "cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "250000\n");
	put(root, "cpu,cpuacct/docker/abc/cpu.cfs_period_us", "100000\n");
	cr_assert_eq(cl_cpus_cgroup_quota(self, root), 3);
	remove_tree(root);
	free(root);
}

Test(cpus, v1_in_a_container_falls_back_to_the_mount_root)
{
	char *root = make_temp_dir();
	put(root, "cpu,cpuacct/cpu.cfs_quota_us", "200000\n");
	put(root, "cpu,cpuacct/cpu.cfs_period_us", "100000\n");
	cr_assert_eq(cl_cpus_cgroup_quota("5:cpu,cpuacct:/docker/abc\n", root), 2);
	cr_assert_eq(cl_cpus_cgroup_quota("5:cpuacct:/docker/abc\n", root), 0);  /* not the cpu controller */
	remove_tree(root);
	free(root);
}

Test(cpus, available_is_at_least_one_and_at_most_the_affinity)
{
	cpu_set_t set;
	cr_assert_eq(sched_getaffinity(0, sizeof(set), &set), 0);
	unsigned n = cl_cpus_available();
	cr_assert(n >= 1 && n <= (unsigned)CPU_COUNT(&set));
	cr_assert_eq(copylint_processors_available(), n);
}

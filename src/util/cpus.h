/* How many processors this process may use: its CPU affinity, capped by the
 * CPU quota of its cgroup, which is how containers (and so CI jobs) limit
 * it. The parsers are separate so that tests can feed them any text. */
#ifndef CL_UTIL_CPUS_H
#define CL_UTIL_CPUS_H

/* cgroup v2 cpu.max ("max 100000", "150000 100000"): the quota in whole
 * processors, rounded up; 0 when there is no limit or the text is bad. */
unsigned cl_cpus_parse_cpu_max(const char *text);
/* cgroup v1 cpu.cfs_quota_us and cpu.cfs_period_us (quota -1: no limit). */
unsigned cl_cpus_parse_cfs(const char *quota, const char *period);
/* The tightest CPU quota on the way from the process's cgroup up to the
 * root, given /proc/self/cgroup's text and the folder cgroups are mounted
 * in (/sys/fs/cgroup); 0 when there is none. */
unsigned cl_cpus_cgroup_quota(const char *proc_self_cgroup, const char *cgroup_root);
/* The processors of the CPU affinity mask, capped by the cgroup's quota;
 * at least 1. */
unsigned cl_cpus_available(void);

#endif

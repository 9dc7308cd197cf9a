/*
 * lede.proc: the few POSIX primitives the `lede` command needs and Lua lacks
 * (worker processes over pipes, a terminal test, directory walks, a
 * monotonic clock). Part of the binding, not of the core: the core stays
 * free of Lua and of the OS.
 *
 * File descriptors are plain integers; every call returns nil and a message
 * on failure (errno text) rather than raising, except for argument errors.
 */
#define _GNU_SOURCE /* F_SETPIPE_SZ on Linux; harmless elsewhere */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "compat.h"

static int fail(lua_State *L, const char *what) {
  int e = errno;
  lua_pushnil(L);
  lua_pushfstring(L, "%s: %s", what, strerror(e));
  lede_pushint(L, e);
  return 3;
}

static int check_fd(lua_State *L, int i) {
  lua_Number n = luaL_checknumber(L, i);
  if (n < 0 || n > 1 << 30 || n != (lua_Number)(int)n) luaL_argerror(L, i, "not a file descriptor");
  return (int)n;
}

/* fork() -> pid (0 in the child). C stdio buffers are flushed first, so that
 * nothing buffered in the parent is written twice. */
static int l_fork(lua_State *L) {
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0) return fail(L, "fork");
  lede_pushint(L, (long long)pid);
  return 1;
}

/* pipe([size]) -> read_fd, write_fd, capacity (both close-on-exec). The
 * capacity is what a writer can put in without blocking while nobody reads:
 * raised to `size` where Linux allows it (F_SETPIPE_SZ), else the usual
 * 64 KiB of Linux, and 16 KiB elsewhere, to be safe. */
static int l_pipe(lua_State *L) {
  int fd[2];
  long want = (long)luaL_optnumber(L, 1, 0);
  if (pipe(fd) != 0) return fail(L, "pipe");
  fcntl(fd[0], F_SETFD, FD_CLOEXEC);
  fcntl(fd[1], F_SETFD, FD_CLOEXEC);
  long cap = 16384;
#if defined(F_SETPIPE_SZ) && defined(F_GETPIPE_SZ)
  if (want > 0) (void)fcntl(fd[1], F_SETPIPE_SZ, (int)want);
  int got = fcntl(fd[1], F_GETPIPE_SZ);
  if (got > 0) cap = got;
#else
  (void)want;
#endif
  lede_pushint(L, fd[0]);
  lede_pushint(L, fd[1]);
  lede_pushint(L, cap);
  return 3;
}

/* open(path) -> fd, read only (close-on-exec) */
static int l_open(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  int fd;
  do {
    fd = open(path, O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return fail(L, path);
  lede_pushint(L, fd);
  return 1;
}

static int l_close(lua_State *L) {
  if (close(check_fd(L, 1)) != 0) return fail(L, "close");
  lua_pushboolean(L, 1);
  return 1;
}

/* read(fd, max) -> string of 1..max bytes, "" at end of file, or nil, err */
static int l_read(lua_State *L) {
  int fd = check_fd(L, 1);
  lua_Number m = luaL_optnumber(L, 2, 65536);
  if (m < 1 || m > (1 << 30)) return luaL_argerror(L, 2, "size out of range");
  size_t max = (size_t)m;
  /* a scratch userdata (Lua 5.1 has no luaL_buffinitsize); collected later */
  char *p = (char *)lua_newuserdatauv(L, max, 0);
  ssize_t n;
  do {
    n = read(fd, p, max);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return fail(L, "read");
  lua_pushlstring(L, p, (size_t)n);
  return 1;
}

/* readn(fd, n [, head]) -> a string of exactly n bytes: `head` (bytes
 * already read) then what is read from fd, straight into one buffer; nil if
 * the stream ends first (or nil, err). For long framed messages: no
 * chunks to join. */
static int l_readn(lua_State *L) {
  int fd = check_fd(L, 1);
  lua_Number want = luaL_checknumber(L, 2);
  size_t hn = 0;
  const char *head = luaL_optlstring(L, 3, "", &hn);
  if (want < 0 || want > 4294967295.0) return luaL_argerror(L, 2, "size out of range");
  size_t n = (size_t)want;
  if (hn > n) return luaL_argerror(L, 3, "longer than the size");
  char *p = (char *)lua_newuserdatauv(L, n ? n : 1, 0); /* collected with the call */
  memcpy(p, head, hn);
  size_t got = hn;
  while (got < n) {
    ssize_t r = read(fd, p + got, n - got);
    if (r < 0) {
      if (errno == EINTR) continue;
      return fail(L, "read");
    }
    if (r == 0) {
      lua_pushnil(L);
      return 1;
    }
    got += (size_t)r;
  }
  lua_pushlstring(L, p, n);
  return 1;
}

/* write(fd, s) -> true once every byte is written, or nil, err */
static int l_write(lua_State *L) {
  int fd = check_fd(L, 1);
  size_t n;
  const char *s = luaL_checklstring(L, 2, &n);
  while (n > 0) {
    ssize_t w = write(fd, s, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return fail(L, "write");
    }
    s += w;
    n -= (size_t)w;
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* poll({fd, ...}, timeout_ms) -> {ready_1, ...}: true where the fd can be
 * read without blocking (data, end of file, or an error) */
static int l_poll(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  int timeout = (int)luaL_optnumber(L, 2, -1);
  int n = (int)lua_rawlen(L, 1);
  struct pollfd *p = (struct pollfd *)lua_newuserdatauv(L, sizeof *p * (size_t)(n ? n : 1), 0);
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, 1, i + 1);
    p[i].fd = (int)lua_tonumber(L, -1);
    p[i].events = POLLIN;
    p[i].revents = 0;
    lua_pop(L, 1);
  }
  int r;
  do {
    r = poll(p, (nfds_t)n, timeout);
  } while (r < 0 && errno == EINTR);
  if (r < 0) return fail(L, "poll");
  lua_createtable(L, n, 0);
  for (int i = 0; i < n; i++) {
    lua_pushboolean(L, (p[i].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) != 0);
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

/* waitpid(pid [, nohang]) -> pid, "exited", code | pid, "signaled", signal;
 * 0 when nohang and the child still runs */
static int l_waitpid(lua_State *L) {
  pid_t pid = (pid_t)luaL_checknumber(L, 1);
  int flags = lua_toboolean(L, 2) ? WNOHANG : 0;
  int st = 0;
  pid_t r;
  do {
    r = waitpid(pid, &st, flags);
  } while (r < 0 && errno == EINTR);
  if (r < 0) return fail(L, "waitpid");
  lede_pushint(L, (long long)r);
  if (r == 0) return 1;
  if (WIFSIGNALED(st)) {
    lua_pushliteral(L, "signaled");
    lede_pushint(L, WTERMSIG(st));
  } else {
    lua_pushliteral(L, "exited");
    lede_pushint(L, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
  }
  return 3;
}

static int l_kill(lua_State *L) {
  pid_t pid = (pid_t)luaL_checknumber(L, 1);
  int sig = (int)luaL_optnumber(L, 2, SIGTERM);
  if (kill(pid, sig) != 0) return fail(L, "kill");
  lua_pushboolean(L, 1);
  return 1;
}

/* _exit(code): leaves at once, without flushing or closing the Lua state
 * (a forked worker must not run the parent's atexit work) */
static int l_exit(lua_State *L) {
  _exit((int)luaL_optnumber(L, 1, 0));
  return 0;
}

static int l_getpid(lua_State *L) {
  lede_pushint(L, (long long)getpid());
  return 1;
}

static int l_isatty(lua_State *L) {
  lua_pushboolean(L, isatty(check_fd(L, 1)));
  return 1;
}

/* sigpipe(ignore): a process that writes to worker pipes must see EPIPE, not
 * die of SIGPIPE, when a worker has gone */
static int l_sigpipe(lua_State *L) {
  signal(SIGPIPE, lua_toboolean(L, 1) ? SIG_IGN : SIG_DFL);
  return 0;
}

/* Online processors (sysconf), at least 1. */
static int l_ncpu(lua_State *L) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  lede_pushint(L, n > 0 ? n : 1);
  return 1;
}

/* Seconds on a monotonic clock (for rates and ETAs; os.clock is CPU time). */
static int l_now(lua_State *L) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  lua_pushnumber(L, (lua_Number)ts.tv_sec + (lua_Number)ts.tv_nsec / 1e9);
  return 1;
}

static const char *kind_of(mode_t m) {
  if (S_ISREG(m)) return "file";
  if (S_ISDIR(m)) return "dir";
  if (S_ISLNK(m)) return "link";
  if (S_ISFIFO(m)) return "fifo";
  if (S_ISCHR(m)) return "char";
  return "other";
}

/* stat(path [, nofollow]) -> kind ("file", "dir", "link", ...), size */
static int l_stat(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  struct stat st;
  int r = lua_toboolean(L, 2) ? lstat(path, &st) : stat(path, &st);
  if (r != 0) return fail(L, path);
  lua_pushstring(L, kind_of(st.st_mode));
  lede_pushint(L, (long long)st.st_size);
  return 2;
}

/* dir(path) -> { name, ... } without "." and "..", unsorted */
static int l_dir(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  DIR *d = opendir(path);
  if (!d) return fail(L, path);
  lua_newtable(L);
  int n = 0;
  struct dirent *e;
  errno = 0;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    lua_pushstring(L, e->d_name);
    lua_rawseti(L, -2, ++n);
  }
  int err = errno;
  closedir(d);
  if (err) {
    errno = err;
    return fail(L, path);
  }
  return 1;
}

#if defined(__GNUC__)
__attribute__((visibility("default")))
#endif
int luaopen_lede_proc(lua_State *L) {
  static const luaL_Reg fns[] = {
      {"fork", l_fork},     {"pipe", l_pipe},       {"open", l_open},     {"close", l_close},
      {"read", l_read},     {"readn", l_readn},
      {"write", l_write},   {"poll", l_poll},       {"waitpid", l_waitpid}, {"kill", l_kill},
      {"_exit", l_exit},    {"getpid", l_getpid},   {"isatty", l_isatty}, {"sigpipe", l_sigpipe},
      {"ncpu", l_ncpu},     {"now", l_now},         {"stat", l_stat},     {"dir", l_dir},
      {NULL, NULL}};
  luaL_newlib(L, fns);
  return 1;
}

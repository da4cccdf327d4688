// The libcurl functions URLSession calls (FoundationNetworking's CFURLSessionInterface), defined here so that the
// `stepwise` executable (and the package's other executables that link FoundationNetworking) loads libcurl only
// when the first HTTP request is made.
//
// Why: libcurl brings 28 more shared libraries (TLS, Kerberos, LDAP, IDN, SSH...) whose loading, relocation and
// constructors were three quarters of the start-up of a `stepwise run` that makes no HTTP call (measured with a
// static Swift runtime: 8.5 ms of CPU for an empty program importing FoundationNetworking, 2.7 ms with this file;
// Benchmarks/README.md, `startup`). Every function resolves, once, the real one from libcurl.so.4 and calls it
// with the same arguments, so HTTP behaves exactly as with libcurl linked directly.
//
// Static build (swift build --static-swift-stdlib): the -lcurl Foundation asks for finds the empty linker script
// in link/ (Package.swift adds it to the search path), so the executable does not need libcurl. Dynamic build
// (debug, tests): libFoundationNetworking.so needs libcurl itself and binds to it; these definitions stay local
// to the executable and are not called.
#if defined(__linux__)

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

// The functions CFURLSessionInterface calls that return nothing: name, parameters, arguments.
#define LAZY_CURL_PROCEDURES(X)                                \
    X(curl_easy_cleanup, (void *easy), (easy))                 \
    X(curl_free, (void *pointer), (pointer))                   \
    X(curl_slist_free_all, (void *list), (list))

// Every other non-variadic function it calls: return type, name, parameters, arguments. The types
// are libcurl's ABI (handles are pointers, CURLcode and the option enums are int, curl_socket_t is int), spelled
// without curl's headers so building needs no libcurl development package.
#define LAZY_CURL_FUNCTIONS(X)                                                                                        \
    X(int, curl_global_init, (long flags), (flags))                                                                   \
    X(void *, curl_version_info, (int age), (age))                                                                    \
    X(char *, curl_version, (void), ())                                                                               \
    X(void *, curl_easy_init, (void), ())                                                                             \
    X(int, curl_easy_pause, (void *easy, int mask), (easy, mask))                                                     \
    X(const char *, curl_easy_strerror, (int code), (code))                                                           \
    X(void *, curl_multi_init, (void), ())                                                                            \
    X(int, curl_multi_add_handle, (void *multi, void *easy), (multi, easy))                                           \
    X(int, curl_multi_remove_handle, (void *multi, void *easy), (multi, easy))                                        \
    X(int, curl_multi_assign, (void *multi, int socket, void *pointer), (multi, socket, pointer))                     \
    X(int, curl_multi_cleanup, (void *multi), (multi))                                                                \
    X(void *, curl_multi_info_read, (void *multi, int *queued), (multi, queued))                                      \
    X(int, curl_multi_socket_action, (void *multi, int socket, int mask, int *running), (multi, socket, mask, running)) \
    X(void *, curl_slist_append, (void *list, const char *string), (list, string))                                    \
    X(void *, curl_url, (void), ())                                                                                   \
    X(int, curl_url_set, (void *url, int part, const char *string, unsigned flags), (url, part, string, flags))       \
    X(int, curl_url_get, (void *url, int part, char **string, unsigned flags), (url, part, string, flags))

// The variadic ones: (handle, option, one argument). CFURLSessionInterface always passes exactly one argument, a
// long, a pointer, a curl_off_t or a function pointer: all one 64-bit integer-class value, which is what libcurl
// reads back with va_arg, so forwarding it as a pointer-sized value passes the same bits.
#define LAZY_CURL_VARIADIC(X) X(curl_easy_setopt) X(curl_easy_getinfo) X(curl_multi_setopt)

#define LAZY_CURL_POINTER(type, name, parameters, arguments) static type(*real_##name) parameters;
LAZY_CURL_FUNCTIONS(LAZY_CURL_POINTER)
#define LAZY_CURL_PROCEDURE_POINTER(name, parameters, arguments) static void(*real_##name) parameters;
LAZY_CURL_PROCEDURES(LAZY_CURL_PROCEDURE_POINTER)
#define LAZY_CURL_VARIADIC_POINTER(name) static int (*real_##name)(void *, int, ...);
LAZY_CURL_VARIADIC(LAZY_CURL_VARIADIC_POINTER)

static void lazy_curl_fail(const char *what) {
    fprintf(stderr, "stepwise: HTTP needs libcurl (libcurl.so.4): %s\n", what);
    abort();
}

// Runs once (pthread_once), before any forwarder reads a pointer: every pointer is set before any is used.
static void lazy_curl_load(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_GLOBAL);
    if (!library) lazy_curl_fail(dlerror());
#define LAZY_CURL_RESOLVE(type, name, parameters, arguments) \
    real_##name = (type(*) parameters)dlsym(library, #name);  \
    if (!real_##name) lazy_curl_fail("no " #name);
    LAZY_CURL_FUNCTIONS(LAZY_CURL_RESOLVE)
#define LAZY_CURL_PROCEDURE_RESOLVE(name, parameters, arguments) LAZY_CURL_RESOLVE(void, name, parameters, arguments)
    LAZY_CURL_PROCEDURES(LAZY_CURL_PROCEDURE_RESOLVE)
#define LAZY_CURL_VARIADIC_RESOLVE(name)                       \
    real_##name = (int (*)(void *, int, ...))dlsym(library, #name); \
    if (!real_##name) lazy_curl_fail("no " #name);
    LAZY_CURL_VARIADIC(LAZY_CURL_VARIADIC_RESOLVE)
}

static pthread_once_t lazy_curl_once = PTHREAD_ONCE_INIT;

#define LAZY_CURL_FORWARD(type, name, parameters, arguments) \
    type name parameters {                                   \
        pthread_once(&lazy_curl_once, lazy_curl_load);       \
        return real_##name arguments;                        \
    }
LAZY_CURL_FUNCTIONS(LAZY_CURL_FORWARD)

#define LAZY_CURL_PROCEDURE_FORWARD(name, parameters, arguments) \
    void name parameters {                                       \
        pthread_once(&lazy_curl_once, lazy_curl_load);           \
        real_##name arguments;                                   \
    }
LAZY_CURL_PROCEDURES(LAZY_CURL_PROCEDURE_FORWARD)

#define LAZY_CURL_VARIADIC_FORWARD(name)                 \
    int name(void *handle, int option, ...) {            \
        va_list list;                                    \
        va_start(list, option);                          \
        void *argument = va_arg(list, void *);           \
        va_end(list);                                    \
        pthread_once(&lazy_curl_once, lazy_curl_load);   \
        return real_##name(handle, option, argument);    \
    }
LAZY_CURL_VARIADIC(LAZY_CURL_VARIADIC_FORWARD)

#endif

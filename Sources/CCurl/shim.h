// Typed, non-variadic wrappers around libcurl for Swift: `curl_easy_setopt` and `curl_easy_getinfo`
// are variadic and cannot be called from Swift. Only APIs of libcurl 7.68+ are used.
#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H
#include <curl/curl.h>

typedef size_t (*ccurl_data_callback)(char *_Nonnull, size_t, size_t, void *_Nullable);
typedef int (*ccurl_progress_callback)(void *_Nullable, curl_off_t, curl_off_t, curl_off_t, curl_off_t);

static inline CURLcode ccurl_setopt_long(CURL *_Nonnull handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ccurl_setopt_string(CURL *_Nonnull handle, CURLoption option, const char *_Nullable value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ccurl_setopt_pointer(CURL *_Nonnull handle, CURLoption option, void *_Nullable value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ccurl_setopt_off_t(CURL *_Nonnull handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ccurl_setopt_slist(CURL *_Nonnull handle, CURLoption option, struct curl_slist *_Nullable list) {
    return curl_easy_setopt(handle, option, list);
}
static inline CURLcode ccurl_setopt_data_function(CURL *_Nonnull handle, CURLoption option, ccurl_data_callback _Nonnull callback) {
    return curl_easy_setopt(handle, option, callback);
}
static inline CURLcode ccurl_setopt_progress_function(CURL *_Nonnull handle, ccurl_progress_callback _Nonnull callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}
static inline CURLcode ccurl_getinfo_long(CURL *_Nonnull handle, CURLINFO info, long *_Nonnull value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode ccurl_getinfo_off_t(CURL *_Nonnull handle, CURLINFO info, curl_off_t *_Nonnull value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode ccurl_getinfo_double(CURL *_Nonnull handle, CURLINFO info, double *_Nonnull value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Limits the protocols to HTTPS, plus HTTP when `allow_http` (loopback only, decided by the caller).
static inline CURLcode ccurl_set_protocols(CURL *_Nonnull handle, int allow_http) {
#if LIBCURL_VERSION_NUM >= 0x075500
    const char *list = allow_http ? "https,http" : "https";
    CURLcode result = curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, list);
    if (result != CURLE_OK) return result;
    return curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, list);
#else
    long mask = CURLPROTO_HTTPS | (allow_http ? CURLPROTO_HTTP : 0);
    CURLcode result = curl_easy_setopt(handle, CURLOPT_PROTOCOLS, mask);
    if (result != CURLE_OK) return result;
    return curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS, mask);
#endif
}
#endif

// LazyCurl has no API: linked into the package's executables, it defines the libcurl functions Foundation's
// URLSession calls and loads libcurl.so.4 when the first of them is called (LazyCurl.c says why).

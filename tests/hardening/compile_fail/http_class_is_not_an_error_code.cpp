// is_error_code_enum is enabled for the vN::errc enums only: trackingmore::http_class is no code.
// error: conversion from .trackingmore::(abi_v[0-9_]+::)?http_class. to non-scalar type .std::error_code. requested
// error: no viable conversion from .trackingmore::(abi_v[0-9_]+::)?http_class. to .std::error_code.
#include <trackingmore/status.hpp>

void misuse() { [[maybe_unused]] std::error_code ec = trackingmore::http_class::client_error; }

// is_error_code_enum is enabled for the vN::errc enums only: trackingmore::api_version is no code.
// error: conversion from .trackingmore::(abi_v[0-9_]+::)?api_version. to non-scalar type .std::error_code. requested
// error: no viable conversion from .trackingmore::(abi_v[0-9_]+::)?api_version. to .std::error_code.
#include <trackingmore/status.hpp>

void misuse() { [[maybe_unused]] std::error_code ec = trackingmore::api_version::v4; }

// An int is not an error code: which version's category would it be in? Use vN::to_error_code.
// error: conversion from .int. to non-scalar type .std::error_code. requested
// error: no viable conversion from .int. to .std::error_code.
#include <trackingmore/status.hpp>

void misuse() { [[maybe_unused]] std::error_code ec = 4013; }

// Every trackingmore::condition, for the tests that check a code against each of them.
#pragma once
#include <trackingmore/status.hpp>

inline constexpr trackingmore::condition all_conditions[] = {
    trackingmore::condition::authentication_failed,
    trackingmore::condition::access_denied,
    trackingmore::condition::payment_required,
    trackingmore::condition::rate_limited,
    trackingmore::condition::invalid_request,
    trackingmore::condition::limit_exceeded,
    trackingmore::condition::tracking_exists,
    trackingmore::condition::tracking_not_found,
    trackingmore::condition::courier_not_detected,
    trackingmore::condition::not_found,
    trackingmore::condition::timeout,
    trackingmore::condition::server_error,
    trackingmore::condition::retryable};

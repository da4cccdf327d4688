#!/usr/bin/env bash
# Writes a subscriber CSV with a header row and N data rows to stdout (default 100000).
# Every 50th row is invalid (the reasons rotate through the six validation rules) and every 100th row repeats
# the uid of the row before it, so a run has failures of every kind; uids are unique otherwise.
# Usage: Fixtures/portal/generate-subscribers.sh [N] [PREFIX] > subscribers-100k.csv
set -euo pipefail
N="${1:-100000}"
PREFIX="${2:-g}"
awk -v n="$N" -v prefix="$PREFIX" 'BEGIN {
    print "uid,msisdn,imsi,status,planId,email,firstName,lastName,address,dateOfBirth,createdAt,updatedAt"
    split("ACTIVE INACTIVE SUSPENDED DELETED", statuses, " ")
    for (i = 1; i <= n; i++) {
        uid = sprintf("%s-%07d", prefix, i)
        if (i % 100 == 0) uid = sprintf("%s-%07d", prefix, i - 1)
        msisdn = sprintf("+1415%07d", i % 10000000)
        imsi = sprintf("310150%09d", i)
        status = statuses[(i % 4) + 1]
        email = sprintf("user%d@example.com", i)
        dob = sprintf("%04d-%02d-%02d", 1950 + i % 50, 1 + i % 12, 1 + i % 28)
        if (i % 50 == 25) {
            kind = int(i / 50) % 6
            if (kind == 0) uid = ""
            else if (kind == 1) msisdn = "0800"
            else if (kind == 2) imsi = "123"
            else if (kind == 3) status = "UNKNOWN"
            else if (kind == 4) email = "not-an-email"
            else dob = "2023-02-29"
        }
        printf "%s,%s,%s,%s,plan-%d,%s,First%d,Last%d,\"%d Main St, Springfield\",%s,2024-01-01T00:00:00Z,2024-01-01T00:00:00Z\n", uid, msisdn, imsi, status, i % 5, email, i, i, i, dob
    }
}'

# What the AWS CLI client tests share; source it with the endpoint as $1.
ENDPOINT="$1"
export AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x AWS_DEFAULT_REGION=us-east-1 AWS_MAX_ATTEMPTS=1 AWS_PAGER=""
PREFIX="arn:aws:states:us-east-1:123456789012"
sfn() { aws stepfunctions --endpoint-url "$ENDPOINT" --output json "$@"; }
fail() { echo "FAIL $*" >&2; exit 1; }
expect() { # expect WHAT ACTUAL EXPECTED
    [[ "$2" == "$3" ]] || fail "$1: expected '$3', got '$2'"
    echo "ok   $1"
}
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }  # field 'PYTHON EXPR OF d'
# expect_failure WHAT 'MESSAGE' COMMAND…: the command fails as a service error (awscli v1 exits 255, v2 254) saying MESSAGE.
expect_failure() {
    local what="$1" message="$2" error code
    shift 2
    set +e
    error=$("$@" 2>&1 >/dev/null)
    code=$?
    set -e
    expect "$what fails" "$([[ $code == 254 || $code == 255 ]] && echo yes || echo "no ($code)")" "yes"
    expect "$what error" "$(echo "$error" | tr -d '\n')" "$message"
}

#!/bin/sh
cat > /dev/null
echo "segfault in handler" >&2
exit 3

#!/bin/sh
# Writes its pid to input["pidFile"], then sleeps (the same process: exec keeps the pid). A shell starts in a
# millisecond even on a loaded machine, so the pid is written well within a 1-second timeoutSeconds.
file=$(sed -n 's/.*"pidFile": *"\([^"]*\)".*/\1/p')
printf %s $$ > "$file"
exec sleep 30

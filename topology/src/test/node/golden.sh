#!/usr/bin/env bash
# Writes ../resources/sentiment/vader_npm_golden.tsv: each README example of vader_readme_examples.tsv
# with the compound that the pinned npm vader-sentiment prints for it. Run from this folder after
# `npm ci`.
set -euo pipefail
examples=../resources/sentiment/vader_readme_examples.tsv
golden=../resources/sentiment/vader_npm_golden.tsv
# the README examples, then two of them with the negation / contrast word in lower case: the npm
# port matches "not" and "but" case-sensitively, VADER (Python) does not
texts=$(grep -v '^#' "$examples" | cut -f1; printf '%s\n' "not bad at all" "Today only kinda sux! but I'll get by, lol")
{
  echo "# Produced by topology/src/test/node/golden.sh with npm vader-sentiment $(node -p "require('vader-sentiment/package.json').version")"
  echo "# text<TAB>compound printed by the npm package"
  paste <(printf '%s\n' "$texts") <(printf '%s\n' "$texts" | node vader.mjs)
} > "$golden"

#!/usr/bin/env bash
# Builds the HTML report of `ecrm report` and renders it the way a person sees it, with headless Chromium,
# into crm-examples/target/report-top.png (the first screen) and report.png (the whole page). Manual check
# only (CI does not need Chromium; the unit tests check the report's structure, figures and escaping).
#
#   crm-examples/scripts/render-report.sh            # the UCI Online Retail file and the Apache log from
#                                                    # in $DATA_DIR when present, else the demo slices
#   crm-examples/scripts/render-report.sh --demo     # always the demo slices shipped in the module
#   crm-examples/scripts/render-report.sh --install  # first try `apt-get install -y chromium` if no browser
#
# The report covers the last four weeks of purchases (compared with the four weeks before), the segment
# migration since six months after the first purchase (2011-06-01 for Online Retail; the middle day for a
# shorter file) and the whole log.
# Needs: JDK 17+, Maven, gzip, awk; chromium, chromium-browser or google-chrome for the PNG (without one the
# HTML is still written and the script says so).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"          # crm-examples
root="$(cd "$here/.." && pwd)"
target="$here/target"
# DATA_DIR: a folder with online-retail/online-retail.csv.gz (UCI Online Retail) and
# weblogs/apache_logs.log (the elastic/examples Apache log); default: shared/data beside the repository
shared="${DATA_DIR:-$root/../shared/data}"
demo="$here/src/main/resources/org/ecrm/examples/demo"

use_demo=false
install=false
for arg in "$@"; do
  case "$arg" in
    --demo) use_demo=true ;;
    --install) install=true ;;
    *) echo "render-report: unknown option $arg (use --demo, --install)" >&2; exit 2 ;;
  esac
done

retail="$demo/online-retail-slice.csv.gz"
weblog="$demo/apache-access-slice.log.gz"
if [[ "$use_demo" == false && -f "$shared/online-retail/online-retail.csv.gz" && -f "$shared/weblogs/apache_logs.log" ]]; then
  retail="$shared/online-retail/online-retail.csv.gz"
  weblog="$shared/weblogs/apache_logs.log"
fi

(cd "$root" && mvn -q -pl crm-examples -am -DskipTests package)
mkdir -p "$target"

# Online Retail lines → customer_id,date,amount (quantity × unit price, pence exact; cancellations are
# negative). Fields are taken from the end of the line because descriptions may contain quoted commas.
tx="$target/report-transactions.csv"
gzip -dc "$retail" | awk -F, 'NR == 1 { print "customer_id,date,amount"; next }
  { cust = $(NF-1); sub(/\.0$/, "", cust); if (cust == "") next;
    price = $(NF-2); qty = $(NF-4); date = substr($(NF-3), 1, 10);
    split(price, p, "."); frac = substr(p[2] "00", 1, 2);
    if (length(p[2]) > 2) next;                 # fractions of a penny: not a GBP amount
    pence = (p[1] * 100 + frac) * qty;
    sign = pence < 0 ? "-" : ""; if (pence < 0) pence = -pence;
    printf "%s,%s,%s%d.%02d\n", cust, date, sign, int(pence / 100), pence % 100 }' > "$tx"

read -r first last < <(awk -F, 'NR > 1 { if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2 }
  END { print min, max }' "$tx")
from="$(date -u -d "$last - 27 days" +%F)"
migration="$(date -u -d "$first + 6 months" +%F)"
if [[ ! "$migration" < "$last" ]]; then     # a short file (the demo slices): the middle day instead
  span=$(( ($(date -u -d "$last" +%s) - $(date -u -d "$first" +%s)) / 86400 ))
  migration="$(date -u -d "$first + $(( span / 2 )) days" +%F)"
fi

# The Apache log has one malformed line (a cut user agent); --max-rejects keeps the exit status 0 for it.
java -jar "$target/ecrm.jar" report --currency GBP --title "e-CRM report: $(basename "$retail")" \
  --from "$from" --to "$last" --migration-from "$migration" --max-rejects 100 \
  --weblog "$weblog" --out "$target/report.html" "$tx"

chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$chrome" && "$install" == true ]]; then
  echo "render-report: no Chromium; trying apt-get install -y chromium" >&2
  apt-get install -y chromium >&2 || true
  chrome="$(command -v chromium || true)"
fi
if [[ -z "$chrome" ]]; then
  echo "render-report: no chromium, chromium-browser or google-chrome installed, so no PNG;" \
    "open $target/report.html in a browser (or rerun with --install on Debian/Ubuntu)" >&2
  exit 3
fi

shot() { # width height file
  "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$1,$2" \
    --screenshot="$3" "file://$target/report.html" 2>/dev/null
}
shot 1400 1000 "$target/report-top.png"
shot 1400 14000 "$target/report.png"
echo "render-report: $target/report-top.png (first screen), $target/report.png (whole page)"

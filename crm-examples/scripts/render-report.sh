#!/usr/bin/env bash
# Builds the HTML report of `ecrm report` and renders it the way a person sees it, with headless Chromium,
# into crm-examples/target/report.png. Manual check only (CI does not need Chromium; the unit tests check
# the report's structure and escaping).
#
#   crm-examples/scripts/render-report.sh            # the UCI Online Retail file and the Apache log from
#                                                    # ../shared/data when present, else the demo slices
#   crm-examples/scripts/render-report.sh --demo     # always the demo slices shipped in the module
#
# Needs: JDK 17+, Maven, chromium (Debian: apt-get install chromium), gzip, awk.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"          # crm-examples
root="$(cd "$here/.." && pwd)"
target="$here/target"
shared="$root/../shared/data"
demo="$here/src/main/resources/org/ecrm/examples/demo"

retail="$demo/online-retail-slice.csv.gz"
weblog="$demo/apache-access-slice.log.gz"
if [[ "${1:-}" != "--demo" && -f "$shared/online-retail/online-retail.csv.gz" && -f "$shared/weblogs/apache_logs.log" ]]; then
  retail="$shared/online-retail/online-retail.csv.gz"
  weblog="$shared/weblogs/apache_logs.log"
fi

chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$chrome" ]]; then
  echo "render-report: chromium not found (Debian: apt-get install chromium)" >&2
  exit 1
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

java -jar "$target/ecrm.jar" report --currency GBP --title "e-CRM report: $(basename "$retail")" \
  --weblog "$weblog" --out "$target/report.html" "$tx"

"$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,2500 \
  --screenshot="$target/report.png" "file://$target/report.html" 2>/dev/null
echo "render-report: $target/report.png"

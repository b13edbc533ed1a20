package dev.loyalty.bench;

import java.util.List;

/** The Lua of each wrk phase: how it builds its requests (the counting part is {@link Wrk#COUNTING}). */
final class WrkScripts {

    private WrkScripts() {}

    /** The same GET every time, with a token or none. */
    static String get(String path, String token) {
        return "wrk.method = \"GET\"\nwrk.path = " + Wrk.lua(path) + "\n"
                + (token == null ? "" : "wrk.headers[\"Authorization\"] = " + Wrk.lua("Bearer " + token) + "\n");
    }

    /** The till's lookup by e-mail of a random enrolled customer ({@code bench-<i>@example.test}). */
    static String lookup(String token, int customers) {
        return "wrk.headers[\"Authorization\"] = " + Wrk.lua("Bearer " + token) + "\n"
                + "local customers = " + customers + "\n"
                + """
                request = function()
                  return wrk.format("GET", "/api/v1/customers/lookup?email=bench-" .. math.random(0, customers - 1) .. "@example.test")
                end
                """;
    }

    /** The till's lookup by a random card (as scanned). */
    static String lookupByCard(String token, List<String> cards) {
        return "wrk.headers[\"Authorization\"] = " + Wrk.lua("Bearer " + token) + "\n"
                + "local cards = " + Wrk.luaList(cards) + "\n"
                + """
                request = function()
                  return wrk.format("GET", "/api/v1/customers/lookup?card=" .. cards[math.random(1, #cards)])
                end
                """;
    }

    /**
     * A five-line basket of a random customer (or always the first, {@code hot}); with {@code
     * purchase} a receipt unique to the run, thread and request, one in five with one of the
     * thread's own coupons while they last; else a quote of the same basket.
     */
    static String basket(
            String token,
            String store,
            List<String> customers,
            List<List<String>> couponsByThread,
            String runId,
            boolean purchase,
            boolean hot) {
        return basket(token, store, customers, couponsByThread, runId, purchase, hot, "/api/v1/purchases");
    }

    /** As {@link #basket(String, String, List, List, String, boolean, boolean)}, purchases posted to {@code purchasePath}. */
    static String basket(
            String token,
            String store,
            List<String> customers,
            List<List<String>> couponsByThread,
            String runId,
            boolean purchase,
            boolean hot,
            String purchasePath) {
        StringBuilder coupons = new StringBuilder("{");
        for (List<String> codes : couponsByThread) {
            coupons.append(Wrk.luaList(codes)).append(',');
        }
        coupons.append('}');
        return "wrk.headers[\"Authorization\"] = " + Wrk.lua("Bearer " + token) + "\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "local customers = " + Wrk.luaList(customers) + "\n"
                + "local couponsByThread = " + coupons + "\n"
                + "local store = " + Wrk.lua(store) + "\n"
                + "local run = " + Wrk.lua(runId) + "\n"
                + "local purchase = " + purchase + "\n"
                + "local hot = " + hot + "\n"
                + "local purchasePath = " + Wrk.lua(purchasePath) + "\n"
                + """
                local categories = {"food", "drinks", "household", "personal-care", "ready-meals"}
                local counter = 0
                local nextCoupon = 1
                init = function(args)
                  math.randomseed(id * 7919 + os.time())
                end
                request = function()
                  counter = counter + 1
                  local customer = hot and customers[1] or customers[math.random(#customers)]
                  local lines = {}
                  local gross = 0
                  for n = 1, 5 do
                    local product = math.random(0, 499)
                    local quantity = math.random(1, 3)
                    local price = 200 + 10 * math.random(0, 130)
                    gross = gross + quantity * price
                    lines[n] = string.format('{"sku":"SKU-%d","category":"%s","quantity":%d,"unitPrice":%d}',
                      product, categories[product % 5 + 1], quantity, price)
                  end
                  local mine = couponsByThread[id] or {}
                  local coupon = ""
                  local discount = 0
                  if not hot and counter % 5 == 0 and nextCoupon <= #mine then
                    coupon = '"' .. mine[nextCoupon] .. '"'
                    nextCoupon = nextCoupon + 1
                    discount = 500
                  end
                  local body
                  if purchase then
                    body = string.format('{"storeId":"%s","receiptId":"W%s-%d-%d","occurredAt":"%s","customerId":"%s","channel":"STORE","lines":[%s],"couponCodes":[%s],"totalPaid":%d}',
                      store, run, id, counter, os.date("!%Y-%m-%dT%H:%M:%SZ"), customer, table.concat(lines, ","), coupon, gross - discount)
                    return wrk.format("POST", purchasePath, nil, body)
                  end
                  body = string.format('{"storeId":"%s","customerId":"%s","channel":"STORE","lines":[%s],"couponCodes":[%s]}',
                    store, customer, table.concat(lines, ","), coupon)
                  return wrk.format("POST", "/api/v1/checkouts/quote", nil, body)
                end
                """;
    }

    /** An integration posting an event of a random customer, each with its own id. */
    static String events(String token, List<String> customers, String runId) {
        return "wrk.headers[\"Authorization\"] = " + Wrk.lua("Bearer " + token) + "\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "local customers = " + Wrk.luaList(customers) + "\n"
                + "local run = " + Wrk.lua(runId) + "\n"
                + """
                local counter = 0
                request = function()
                  counter = counter + 1
                  local body = string.format('{"eventId":"E%s-%d-%d","customerId":"%s","type":"EMAIL_OPENED","attributes":{"campaign":"bench"}}',
                    run, id, counter, customers[math.random(#customers)])
                  return wrk.format("POST", "/api/v1/events", nil, body)
                end
                """;
    }

    /**
     * An integration posting {@code size} events of random customers in one {@code POST
     * /events/batch}, each with its own id.
     */
    static String eventBatches(String token, List<String> customers, String runId, int size) {
        return "wrk.headers[\"Authorization\"] = " + Wrk.lua("Bearer " + token) + "\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "local customers = " + Wrk.luaList(customers) + "\n"
                + "local run = " + Wrk.lua(runId) + "\n"
                + "local size = " + size + "\n"
                + """
                local counter = 0
                request = function()
                  local items = {}
                  for i = 1, size do
                    counter = counter + 1
                    items[i] = string.format('{"eventId":"B%s-%d-%d","customerId":"%s","type":"EMAIL_OPENED","attributes":{"campaign":"bench"}}',
                      run, id, counter, customers[math.random(#customers)])
                  end
                  return wrk.format("POST", "/api/v1/events/batch", nil, '{"items":[' .. table.concat(items, ",") .. ']}')
                end
                """;
    }
}

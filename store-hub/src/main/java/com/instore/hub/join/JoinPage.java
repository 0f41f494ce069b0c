package com.instore.hub.join;

import com.instore.hub.api.Html;
import com.instore.protocol.Consents;

import java.util.List;

/**
 * The join and manage pages: small, mobile first, no script, no external asset. Every value is escaped. Stateless.
 */
final class JoinPage {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#fbf8f3;color:#1d2433}
            main{max-width:32rem;margin:0 auto;padding:1.5rem}h1{font-size:1.8rem;margin:.5rem 0 1rem}
            label{display:flex;gap:.75rem;align-items:flex-start;padding:.75rem 0;font-size:1.05rem}
            input[type=text]{width:100%;box-sizing:border-box;font-size:1.2rem;padding:.7rem;border:1px solid #b9bfcc;
            border-radius:.5rem}input[type=checkbox]{width:1.4rem;height:1.4rem;flex:none;margin-top:.1rem}
            fieldset{border:1px solid #dde1e8;border-radius:.75rem;margin:1rem 0;padding:.5rem 1rem}
            legend{font-weight:600;padding:0 .3rem}button{width:100%;font-size:1.2rem;padding:.9rem;border:0;
            border-radius:.6rem;background:#e2583e;color:#fff;margin-top:1rem}.small{color:#5b6478;font-size:.95rem}
            .error{background:#fde3dc;padding:.75rem;border-radius:.5rem}.danger{background:#5b6478}a{color:#2f8f6a}""";

    private JoinPage() {
    }

    static String join(String storeName, List<String> categories, String error) {
        return page("Join " + storeName, "<h1>Join " + Html.text(storeName) + "</h1>"
                + (error.isEmpty() ? "" : "<p class=\"error\">" + Html.text(error) + "</p>")
                + "<p class=\"small\">Collect points for your visits and get offers. We only ask for your first name.</p>"
                + "<form method=\"post\"><label for=\"firstName\">First name</label>"
                + "<input type=\"text\" id=\"firstName\" name=\"firstName\" maxlength=\"40\" required autocomplete=\"given-name\">"
                + consents(Consents.NONE) + preferences(categories, List.of())
                + "<button type=\"submit\">Join</button></form>");
    }

    static String manage(String token, String storeName, Consents consents, List<String> categories, List<String> chosen,
                         String note) {
        return page("Your choices", "<h1>Your choices at " + Html.text(storeName) + "</h1>"
                + (note.isEmpty() ? "" : "<p class=\"error\">" + Html.text(note) + "</p>")
                + "<form method=\"post\">" + consents(consents) + preferences(categories, chosen)
                + "<button type=\"submit\">Save</button></form>"
                + "<p><a href=\"" + Html.text(token) + "/export\" download=\"my-data.json\">Download all data held on you (JSON)</a></p>"
                + "<form method=\"post\" action=\"" + Html.text(token) + "/erase\"><label><input type=\"checkbox\" name=\"confirm\" required>"
                + "<span>Erase my membership: my name, choices, points and badges are deleted and my cards unlinked."
                + "</span></label><button class=\"danger\" type=\"submit\">Erase me</button></form>");
    }

    static String message(String title, String text) {
        return page(title, "<h1>" + Html.text(title) + "</h1><p>" + Html.text(text) + "</p>");
    }

    private static String consents(Consents c) {
        return "<fieldset><legend>You decide</legend>"
                + box("recognition", c.recognition(), "Greet me by my first name on the kiosk screens")
                + box("personalised", c.personalised(), "Pick offers for me from my visits and the categories I choose"
                        + " (otherwise I get the offers everyone gets)")
                + box("nameOnCoupons", c.nameOnCoupons(), "Print my first name on my coupons")
                + "</fieldset>";
    }

    private static String preferences(List<String> categories, List<String> chosen) {
        if (categories.isEmpty()) {
            return "";
        }
        StringBuilder boxes = new StringBuilder("<fieldset><legend>Offers I would like to see</legend>");
        for (String category : categories) {
            boxes.append("<label><input type=\"checkbox\" name=\"pref\" value=\"").append(Html.text(category)).append('"')
                    .append(chosen.contains(category) ? " checked" : "").append("><span>").append(Html.text(category))
                    .append("</span></label>");
        }
        return boxes.append("</fieldset>").toString();
    }

    private static String box(String name, boolean checked, String text) {
        return "<label><input type=\"checkbox\" name=\"" + name + "\"" + (checked ? " checked" : "") + "><span>"
                + Html.text(text) + "</span></label>";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + Html.text(title) + "</title><style>" + STYLE
                + "</style></head><body><main>" + body + "</main></body></html>";
    }
}

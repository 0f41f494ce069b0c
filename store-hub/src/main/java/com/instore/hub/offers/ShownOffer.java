package com.instore.hub.offers;

import com.instore.hub.coupons.Coupon;
import com.instore.protocol.Offer;

import java.util.Optional;

/** An offer picked for a tap, as the kiosk shows it, with the member's coupon for it when there is one. */
public record ShownOffer(Offer offer, Optional<Coupon> coupon) {
}

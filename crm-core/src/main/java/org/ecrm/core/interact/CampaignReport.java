package org.ecrm.core.interact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ecrm.core.internal.check.Checks;

/**
 * A campaign's outcomes: per segment and channel, how many were contacted, delivered, opened, clicked
 * and purchased within the attribution window; per segment and overall, the control group's purchases
 * and the uplift. Conversion is purchasers / group size (intention to treat: a treatment member whose
 * message failed still counts in the treatment group); uplift = conversion(treatment) −
 * conversion(control). Immutable and thread-safe.
 *
 * @param campaignId the campaign
 * @param sentAt the send instant, start of the window
 * @param window the attribution window
 * @param cells treatment figures per (segment, channel), sorted by segment then channel
 * @param segments treatment vs control per segment, sorted by segment
 * @param overall treatment vs control over the whole audience
 */
public record CampaignReport(String campaignId, Instant sentAt, Duration window, List<Cell> cells,
    List<Comparison> segments, Comparison overall) {

  /** Copies the lists. */
  public CampaignReport {
    campaignId = Checks.token("CampaignReport.campaignId", campaignId);
    Checks.notNull("CampaignReport.sentAt", sentAt);
    Checks.notNull("CampaignReport.window", window);
    cells = List.copyOf(Checks.notNull("CampaignReport.cells", cells));
    segments = List.copyOf(Checks.notNull("CampaignReport.segments", segments));
    Checks.notNull("CampaignReport.overall", overall);
  }

  /**
   * Treatment outcomes in one segment on one channel.
   *
   * @param segment the segment, {@code ""} for customers not scored
   * @param channel the channel
   * @param contacted treatment members
   * @param delivered messages delivered
   * @param opened members who opened
   * @param clicked members who clicked
   * @param purchased members with an order in the window
   */
  public record Cell(String segment, org.ecrm.core.model.Channel channel, int contacted, int delivered,
      int opened, int clicked, int purchased) {
    /** Conversion: purchased / contacted (0 for an empty cell). */
    public double conversion() {
      return contacted == 0 ? 0 : (double) purchased / contacted;
    }
  }

  /**
   * Treatment against control.
   *
   * @param segment the segment, {@code ""} for customers not scored, {@code "*"} for everything
   * @param treated treatment members
   * @param treatedPurchasers treatment members with an order in the window
   * @param control control members
   * @param controlPurchasers control members with an order in the window
   */
  public record Comparison(String segment, int treated, int treatedPurchasers, int control,
      int controlPurchasers) {
    /** Conversion of the treatment group (0 when empty). */
    public double treatedConversion() {
      return treated == 0 ? 0 : (double) treatedPurchasers / treated;
    }

    /** Conversion of the control group (0 when empty). */
    public double controlConversion() {
      return control == 0 ? 0 : (double) controlPurchasers / control;
    }

    /** Uplift: treated conversion − control conversion, absolute (0.05 = five percentage points). */
    public double uplift() {
      return treatedConversion() - controlConversion();
    }
  }
}

/**
 * Copy-paste examples of embedding the library, each small, runnable and tested through the public API:
 * {@link org.ecrm.examples.embed.WebAppExample} (recognise a visitor and record page views in a request
 * handler), {@link org.ecrm.examples.embed.NightlySegmentation} (a scheduled RFM job that tags customers
 * and writes a CSV), {@link org.ecrm.examples.embed.JournalStorage} (a custom storage adapter proved with
 * the contract kit) and {@link org.ecrm.examples.embed.CustomSegments} (a segment rule table from JSON).
 */
@NullMarked
package org.ecrm.examples.embed;

import org.jspecify.annotations.NullMarked;

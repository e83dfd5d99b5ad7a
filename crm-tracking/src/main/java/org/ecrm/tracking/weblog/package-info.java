/**
 * Web-log import: NCSA Common and Combined log reading (plain or gzip, streaming), bot, static-asset and status filtering.
 */
@NullMarked
package org.ecrm.tracking.weblog;

import org.jspecify.annotations.NullMarked;

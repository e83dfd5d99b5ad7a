/**
 * Web-server logs: NCSA Common and Combined log reading (plain or gzip, streaming,
 * {@link org.ecrm.tracking.weblog.WebLogReader}), bot, static-asset and status filtering
 * ({@link org.ecrm.tracking.weblog.TrafficFilter}) and the import into sessions, in time order whatever the
 * order of the lines ({@link org.ecrm.tracking.weblog.WebLogImport}, {@link org.ecrm.tracking.weblog.ImportMode}).
 *
 * <p>Start with {@link org.ecrm.tracking.weblog.WebLogImport#builder()}. Depends on
 * {@link org.ecrm.tracking.session} and {@link org.ecrm.tracking}.
 */
@NullMarked
package org.ecrm.tracking.weblog;

import org.jspecify.annotations.NullMarked;

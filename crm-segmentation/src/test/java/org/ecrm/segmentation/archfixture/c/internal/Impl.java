package org.ecrm.segmentation.archfixture.c.internal;

import org.ecrm.segmentation.archfixture.c.Api;

/** An internal class that uses its API package: what ArchitectureTest's internal rule must report. */
public final class Impl implements Api {
}

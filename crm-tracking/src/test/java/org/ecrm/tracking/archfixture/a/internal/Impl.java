package org.ecrm.tracking.archfixture.a.internal;

import org.ecrm.tracking.archfixture.a.Api;

/** An implementation in the internal subpackage of its API: the other half of the cycle. */
public final class Impl implements Api {}

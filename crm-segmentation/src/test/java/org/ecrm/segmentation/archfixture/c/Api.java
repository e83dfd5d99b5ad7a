package org.ecrm.segmentation.archfixture.c;

/** An API type of the fixture that ArchitectureTest's internal rule checks. */
public interface Api {
}

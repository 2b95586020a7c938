package dev.khabar.ingest;

import dev.khabar.common.image.ServiceImageContract;

/** The ingest service's container image (built by `mvn verify` into target/jib-check.tar). */
class ImageIT extends ServiceImageContract {}

package dev.khabar.enrich;

import dev.khabar.common.image.ServiceImageContract;

/** The enrich service's container image (built by `mvn verify` into target/jib-check.tar). */
class ImageIT extends ServiceImageContract {}

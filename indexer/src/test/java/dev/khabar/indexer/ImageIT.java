package dev.khabar.indexer;

import dev.khabar.common.image.ServiceImageContract;

/** The indexer service's container image (built by `mvn verify` into target/jib-check.tar). */
class ImageIT extends ServiceImageContract {}

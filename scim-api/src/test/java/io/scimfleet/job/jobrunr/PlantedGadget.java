package io.scimfleet.job.jobrunr;

import java.util.concurrent.atomic.AtomicInteger;

/** A class a planted job names: it counts its instances, which must stay 0. */
public final class PlantedGadget {
  static final AtomicInteger made = new AtomicInteger();

  public PlantedGadget() {
    made.incrementAndGet();
  }

  public PlantedGadget(String anything) {
    this();
  }

  public void run(Object anything) {
    made.incrementAndGet();
  }
}

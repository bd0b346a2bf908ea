package io.scimfleet.worker.probe;

/**
 * One thing the probe tried.
 *
 * @param name what was tried, e.g. {@code userPatch}
 * @param works whether the target did it as the fleet needs
 * @param tried false when an earlier step failed and this one could not be tried (then {@code
 *     works} is false and says nothing about the target)
 * @param detail the status code or what was seen
 */
public record Check(String name, boolean works, boolean tried, String detail) {
  static Check works(String name, String detail) {
    return new Check(name, true, true, detail);
  }

  static Check fails(String name, String detail) {
    return new Check(name, false, true, detail);
  }

  static Check notTried(String name, String why) {
    return new Check(name, false, false, "not tried: " + why);
  }
}

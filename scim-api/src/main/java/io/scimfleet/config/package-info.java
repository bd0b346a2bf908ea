/** Process settings read from the environment. */
package io.scimfleet.config;

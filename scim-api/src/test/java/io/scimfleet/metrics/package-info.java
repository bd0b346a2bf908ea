/** Tests of our metrics: each meter built once, a forgotten provider's series gone. */
package io.scimfleet.metrics;

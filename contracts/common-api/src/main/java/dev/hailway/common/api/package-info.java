/** Value types shared by every service's contract. Plain records, no framework. */
package dev.hailway.common.api;

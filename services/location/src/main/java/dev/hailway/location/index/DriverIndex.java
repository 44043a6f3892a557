package dev.hailway.location.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.uber.h3core.H3Core;
import com.uber.h3core.LengthUnit;
import dev.hailway.common.api.GeoPoint;
import dev.hailway.drivers.api.VehicleClass;
import org.jspecify.annotations.Nullable;

/**
 * The live picture of every driver: their latest position, the H3 cell it falls in, and whether they may be offered
 * a trip. Held in memory only; positions come back from the compacted topic and availability from the database
 * after a restart.
 *
 * <p>"k nearest within r" walks rings of cells outward from the point's cell. A ring {@code n} cells away cannot hold
 * a point closer than {@code (1.5 n - 2)} edge lengths (hexagon centres of grid distance n are at least 1.5 n edges
 * apart, and a point lies within one edge of its cell's centre), so the walk stops as soon as that bound passes the
 * k-th best distance found or the radius. Candidates are then ordered by haversine distance.
 *
 * <p>Thread-safe: each driver's entry changes atomically, and cells are concurrent sets.
 */
public final class DriverIndex {

    /** H3 hexagons vary in size across the globe; the average edge shrunk by this is a safe minimum. */
    private static final double MIN_EDGE_FACTOR = 0.6;

    private final H3Core h3;
    private final int resolution;
    private final double minEdgeMeters;
    private final Map<UUID, Entry> drivers = new ConcurrentHashMap<>();
    private final Map<Long, Set<UUID>> cells = new ConcurrentHashMap<>();

    private record Entry(@Nullable Position position, long cell, Availability availability) {
    }

    public DriverIndex(H3Core h3, int resolution) {
        if (resolution < 0 || resolution > 15) {
            throw new IllegalArgumentException("H3 resolution is 0 to 15, was " + resolution);
        }
        this.h3 = Objects.requireNonNull(h3, "h3");
        this.resolution = resolution;
        this.minEdgeMeters = h3.getHexagonEdgeLengthAvg(resolution, LengthUnit.m) * MIN_EDGE_FACTOR;
    }

    public Optional<Position> lastPosition(UUID driver) {
        Entry entry = drivers.get(driver);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.position());
    }

    public Availability availability(UUID driver) {
        Entry entry = drivers.get(driver);
        return entry == null ? Availability.UNKNOWN : entry.availability();
    }

    /**
     * Moves the driver to {@code position} unless the index already holds a position at least as recent.
     *
     * @return whether it moved
     */
    public boolean move(UUID driver, Position position) {
        Objects.requireNonNull(position, "position");
        long cell = h3.latLngToCell(position.point().lat(), position.point().lng(), resolution);
        boolean[] moved = {false};
        drivers.compute(driver, (id, old) -> {
            if (old != null && !position.isNewerThan(old.position())) {
                return old;
            }
            moved[0] = true;
            if (old != null && old.position() != null && old.cell() != cell) {
                leave(old.cell(), id);
            }
            // compute, not computeIfAbsent(...).add: leave() may be dropping this very set as it empties.
            cells.compute(cell, (c, members) -> {
                Set<UUID> set = members == null ? ConcurrentHashMap.newKeySet() : members;
                set.add(id);
                return set;
            });
            return new Entry(position, cell, old == null ? Availability.UNKNOWN : old.availability());
        });
        return moved[0];
    }

    public void setAvailability(UUID driver, Availability availability) {
        Objects.requireNonNull(availability, "availability");
        drivers.compute(driver, (id, old) -> old == null
                ? new Entry(null, 0L, availability)
                : new Entry(old.position(), old.cell(), availability));
    }

    /**
     * Up to {@code k} drivers who may be offered a trip of {@code vehicleClass} (any class when null), within
     * {@code radiusMeters} of {@code point}, with a position no older than {@code staleAfter} at {@code now}; nearest
     * first.
     */
    public List<Candidate> nearest(GeoPoint point, double radiusMeters, int k, @Nullable VehicleClass vehicleClass,
                                   Instant now, Duration staleAfter) {
        if (k <= 0 || radiusMeters <= 0) {
            return List.of();
        }
        Instant freshSince = now.minus(staleAfter);
        long origin = h3.latLngToCell(point.lat(), point.lng(), resolution);
        List<Candidate> found = new ArrayList<>();
        for (int ring = 0; ; ring++) {
            double closestPossible = minEdgeMeters * (1.5 * ring - 2);
            if (closestPossible > radiusMeters) {
                break;
            }
            if (found.size() >= k) {
                found.sort(Comparator.comparingDouble(Candidate::distanceMeters));
                if (closestPossible > found.get(k - 1).distanceMeters()) {
                    break;
                }
            }
            for (long cell : ring == 0 ? List.of(origin) : h3.gridRing(origin, ring)) {
                Set<UUID> inCell = cells.get(cell);
                if (inCell == null) {
                    continue;
                }
                for (UUID driver : inCell) {
                    Entry entry = drivers.get(driver);
                    if (entry == null || entry.position() == null || entry.cell() != cell
                            || !entry.availability().offers(vehicleClass)
                            || entry.position().at().isBefore(freshSince)) {
                        continue;
                    }
                    double distance = Distances.haversineMeters(point, entry.position().point());
                    if (distance <= radiusMeters) {
                        found.add(new Candidate(driver, entry.position().point(),
                                entry.availability().vehicleClass(), distance));
                    }
                }
            }
        }
        found.sort(Comparator.comparingDouble(Candidate::distanceMeters).thenComparing(Candidate::driverId));
        return List.copyOf(found.subList(0, Math.min(k, found.size())));
    }

    /** How many drivers the index knows, with or without a position. */
    public int size() {
        return drivers.size();
    }

    private void leave(long cell, UUID driver) {
        cells.computeIfPresent(cell, (c, members) -> {
            members.remove(driver);
            return members.isEmpty() ? null : members;
        });
    }
}

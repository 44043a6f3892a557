package dev.hailway.runtime;

/** A service jar that cannot start, for {@link PlatformIT}. */
public final class FailingMain {

    private FailingMain() {
    }

    public static void main(String[] args) throws Exception {
        FakeService.main(new String[] {"fail"});
    }
}

// libtorch's random generator is process-wide, so tests that seed it run one at a time to stay reproducible
[assembly: CollectionBehavior(DisableTestParallelization = true)]

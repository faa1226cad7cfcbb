using Kiln.Learn.Cluster;

namespace Kiln.Learn.Tests.Cluster;

public class ClusterAgreementTests
{
    [Fact]
    public void Renamed_clusters_agree_perfectly()
    {
        Assert.Equal(1.0, ClusterAgreement.AdjustedRandIndex([0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9]));
    }

    [Fact]
    public void A_partial_match_gives_scikit_learns_index()
    {
        // scikit-learn: adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714285714285715
        Assert.Equal(0.5714285714285715, ClusterAgreement.AdjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]), 1e-12);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.JobRuns;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.Property(r => r.Job).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Trigger).HasMaxLength(50).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(500);
        builder.Property(r => r.Error).HasMaxLength(1000);
        // Each job's latest runs; the runs a restart left unfinished.
        builder.HasIndex(r => new { r.Job, r.StartedAt });
        builder.HasIndex(r => r.Outcome);
    }
}

using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kiln.Tracking.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "experiments",
                columns: table => new
                {
                    experiment_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    artifact_location = table.Column<string>(type: "text", nullable: false),
                    lifecycle_stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    creation_time = table.Column<long>(type: "bigint", nullable: false),
                    last_update_time = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experiments", x => x.experiment_id);
                });

            migrationBuilder.CreateTable(
                name: "registered_models",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    creation_time = table.Column<long>(type: "bigint", nullable: false),
                    last_updated_time = table.Column<long>(type: "bigint", nullable: false),
                    last_version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registered_models", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "experiment_tags",
                columns: table => new
                {
                    experiment_id = table.Column<long>(type: "bigint", nullable: false),
                    key = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    value = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_experiment_tags", x => new { x.experiment_id, x.key });
                    table.ForeignKey(
                        name: "FK_experiment_tags_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "experiment_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    run_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    experiment_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start_time = table.Column<long>(type: "bigint", nullable: false),
                    end_time = table.Column<long>(type: "bigint", nullable: true),
                    lifecycle_stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    deleted_time = table.Column<long>(type: "bigint", nullable: true),
                    artifact_uri = table.Column<string>(type: "text", nullable: false),
                    user_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    command = table.Column<string>(type: "text", nullable: true),
                    source_version = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    seed = table.Column<long>(type: "bigint", nullable: true),
                    data_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runs", x => x.run_id);
                    table.ForeignKey(
                        name: "FK_runs_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "experiment_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "model_versions",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(256)", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    creation_time = table.Column<long>(type: "bigint", nullable: false),
                    last_updated_time = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    run_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status_message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    storage_location = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_model_versions", x => new { x.name, x.version });
                    table.ForeignKey(
                        name: "FK_model_versions_registered_models_name",
                        column: x => x.name,
                        principalTable: "registered_models",
                        principalColumn: "name",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registered_model_tags",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(256)", nullable: false),
                    key = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    value = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registered_model_tags", x => new { x.name, x.key });
                    table.ForeignKey(
                        name: "FK_registered_model_tags_registered_models_name",
                        column: x => x.name,
                        principalTable: "registered_models",
                        principalColumn: "name",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "latest_metrics",
                columns: table => new
                {
                    run_id = table.Column<string>(type: "character varying(32)", nullable: false),
                    key = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    is_nan = table.Column<bool>(type: "boolean", nullable: false),
                    timestamp = table.Column<long>(type: "bigint", nullable: false),
                    step = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_latest_metrics", x => new { x.run_id, x.key });
                    table.ForeignKey(
                        name: "FK_latest_metrics_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "run_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "metrics",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<string>(type: "character varying(32)", nullable: false),
                    key = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    is_nan = table.Column<bool>(type: "boolean", nullable: false),
                    timestamp = table.Column<long>(type: "bigint", nullable: false),
                    step = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_metrics", x => x.id);
                    table.ForeignKey(
                        name: "FK_metrics_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "run_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "params",
                columns: table => new
                {
                    run_id = table.Column<string>(type: "character varying(32)", nullable: false),
                    key = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    value = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_params", x => new { x.run_id, x.key });
                    table.ForeignKey(
                        name: "FK_params_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "run_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_tags",
                columns: table => new
                {
                    run_id = table.Column<string>(type: "character varying(32)", nullable: false),
                    key = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    value = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_run_tags", x => new { x.run_id, x.key });
                    table.ForeignKey(
                        name: "FK_run_tags_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "run_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "model_version_tags",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(256)", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    value = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_model_version_tags", x => new { x.name, x.version, x.key });
                    table.ForeignKey(
                        name: "FK_model_version_tags_model_versions_name_version",
                        columns: x => new { x.name, x.version },
                        principalTable: "model_versions",
                        principalColumns: new[] { "name", "version" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registered_model_aliases",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(256)", nullable: false),
                    alias = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registered_model_aliases", x => new { x.name, x.alias });
                    table.ForeignKey(
                        name: "FK_registered_model_aliases_model_versions_name_version",
                        columns: x => new { x.name, x.version },
                        principalTable: "model_versions",
                        principalColumns: new[] { "name", "version" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_registered_model_aliases_registered_models_name",
                        column: x => x.name,
                        principalTable: "registered_models",
                        principalColumn: "name",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_experiments_name",
                table: "experiments",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_metrics_run_id_key_step",
                table: "metrics",
                columns: new[] { "run_id", "key", "step" });

            migrationBuilder.CreateIndex(
                name: "IX_model_versions_run_id",
                table: "model_versions",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "IX_registered_model_aliases_name_version",
                table: "registered_model_aliases",
                columns: new[] { "name", "version" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_experiment_id_start_time",
                table: "runs",
                columns: new[] { "experiment_id", "start_time" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "experiment_tags");

            migrationBuilder.DropTable(
                name: "latest_metrics");

            migrationBuilder.DropTable(
                name: "metrics");

            migrationBuilder.DropTable(
                name: "model_version_tags");

            migrationBuilder.DropTable(
                name: "params");

            migrationBuilder.DropTable(
                name: "registered_model_aliases");

            migrationBuilder.DropTable(
                name: "registered_model_tags");

            migrationBuilder.DropTable(
                name: "run_tags");

            migrationBuilder.DropTable(
                name: "model_versions");

            migrationBuilder.DropTable(
                name: "runs");

            migrationBuilder.DropTable(
                name: "registered_models");

            migrationBuilder.DropTable(
                name: "experiments");
        }
    }
}

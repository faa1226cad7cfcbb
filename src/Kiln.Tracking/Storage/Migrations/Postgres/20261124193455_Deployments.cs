using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kiln.Tracking.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Deployments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "model_deployments",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(256)", nullable: false),
                    primary_alias = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    canary_alias = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    canary_weight = table.Column<int>(type: "integer", nullable: false),
                    shadow_alias = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    last_updated_time = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_model_deployments", x => x.name);
                    table.ForeignKey(
                        name: "FK_model_deployments_registered_models_name",
                        column: x => x.name,
                        principalTable: "registered_models",
                        principalColumn: "name",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "model_deployments");
        }
    }
}

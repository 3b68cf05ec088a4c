"""answers keyed uniquely; no stored respondent names; home actions follow their home's service

Revision ID: 0008_integrity
Revises: 0007_flag_missed
Create Date: 2026-12-10 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008_integrity'
down_revision = '0007_flag_missed'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('choice', sa.String(length=60), server_default='', nullable=False)
        )
    # Double taps on PostgreSQL stored some pages twice: of each set of copies keep the last
    # written (the highest id), as the export would otherwise count the answer twice.
    op.execute(
        "DELETE FROM answer WHERE id NOT IN ("
        " SELECT MAX(id) FROM answer GROUP BY response_id, question_id, COALESCE(value, ''))"
    )
    # The question kinds live in the banks, not here. A question that still has several rows
    # now has several different options chosen: a multiple-choice one, keyed by its options.
    # (Any other question has one row, keyed ""; the app writes the same keys.)
    op.execute(
        "UPDATE answer SET choice = value WHERE value IS NOT NULL AND EXISTS ("
        " SELECT 1 FROM answer AS other WHERE other.response_id = answer.response_id"
        " AND other.question_id = answer.question_id AND other.id <> answer.id)"
    )
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.create_unique_constraint(
            batch_op.f('uq_answer_response_id'), ['response_id', 'question_id', 'choice']
        )

    # Asked of professionals and families, stored, and never used: no longer collected.
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.drop_column('respondent_name')

    # A home's action no longer keeps a copy of the home's service (it went stale when the
    # home moved service): its service is the home's, whatever that is now.
    op.execute("UPDATE action SET service_id = NULL WHERE home_id IS NOT NULL")


def downgrade():
    op.execute(
        "UPDATE action SET service_id = (SELECT service_id FROM home WHERE home.id = action.home_id)"
        " WHERE home_id IS NOT NULL"
    )
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.add_column(sa.Column('respondent_name', sa.String(length=120), nullable=True))
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_answer_response_id'), type_='unique')
        batch_op.drop_column('choice')

"""safeguarding flags a reviewer marks as "should have been flagged"

Revision ID: 0007_flag_missed
Revises: 0006_actions
Create Date: 2026-12-04 17:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007_flag_missed'
down_revision = '0006_actions'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('safeguarding_flag', schema=None) as batch_op:
        batch_op.add_column(sa.Column('missed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('missed_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_safeguarding_flag_missed_by_id_staff_user'),
            'staff_user', ['missed_by_id'], ['id'],
        )


def downgrade():
    with op.batch_alter_table('safeguarding_flag', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_safeguarding_flag_missed_by_id_staff_user'), type_='foreignkey'
        )
        batch_op.drop_column('missed_by_id')
        batch_op.drop_column('missed_at')
